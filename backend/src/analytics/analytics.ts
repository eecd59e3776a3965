import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DatabaseKind } from '../storage/database.js';
import type { EventStore } from '../storage/event-store.js';
import type { Database } from '../storage/schema.js';
import { CatalogProvider } from './catalog-provider.js';
import type { QueryResult } from './result.js';
import { runQuery, type RunDeps, type RunRequest } from './run-query.js';
import { deleteSkill, findSkill, listSkills, runSkill, saveSkill, type Skill, type SkillRunOptions, type SkillTenant } from './skills/skill-service.js';
import './tables.js';

export interface AnalyticsDeps {
  db: Kysely<Database>;
  kind: DatabaseKind;
  events: Pick<EventStore, 'append'>;
  clock: () => Date;
  log: Logger;
}

/** The audit trail's list columns (the entry itself adds the spec, SQL and parameters). */
const AUDIT_LIST_COLUMNS = ['audit_id', 'occurred_at', 'actor_mode', 'source', 'tool', 'question', 'outcome', 'row_count', 'duration_ms', 'skill_id', 'error'] as const;

/**
 * The analytics engine of one runtime, handed to features as their `analytics` port: the
 * catalog (read once after migrations, then from memory), QuerySpec runs with their audit
 * trail, and saved skills. Every run goes through `run-query.ts`.
 */
export class Analytics {
  readonly catalog: CatalogProvider;
  readonly #d: AnalyticsDeps;

  constructor(deps: AnalyticsDeps) {
    this.#d = deps;
    this.catalog = new CatalogProvider(deps.db);
  }

  /** Runs (or refuses) one spec and audits it, whatever the outcome; never throws for a bad spec. */
  async run(req: RunRequest): Promise<QueryResult> {
    return runQuery(await this.#runDeps(), req);
  }

  /** The tenant's audit trail, newest first. */
  auditTrail(tenantId: string, limit: number) {
    return this.#d.db
      .selectFrom('analytics_audit')
      .select([...AUDIT_LIST_COLUMNS])
      .where('tenant_id', '=', tenantId)
      .orderBy('occurred_at', 'desc')
      .orderBy('audit_id')
      .limit(limit)
      .execute();
  }

  /** A page of the audit trail, newest first by `(occurred_at, audit_id)`, older than `after`. */
  auditPage(tenantId: string, f: { source?: string; outcome?: string; after?: { at: Date; id: string }; limit: number }) {
    let q = this.#d.db.selectFrom('analytics_audit').select([...AUDIT_LIST_COLUMNS]).where('tenant_id', '=', tenantId);
    if (f.source) q = q.where('source', '=', f.source);
    if (f.outcome) q = q.where('outcome', '=', f.outcome);
    const after = f.after;
    if (after) q = q.where((eb) => eb.or([eb('occurred_at', '<', after.at), eb.and([eb('occurred_at', '=', after.at), eb('audit_id', '<', after.id)])]));
    return q.orderBy('occurred_at', 'desc').orderBy('audit_id', 'desc').limit(f.limit).execute();
  }

  auditEntry(tenantId: string, auditId: string) {
    return this.#d.db.selectFrom('analytics_audit').selectAll().where('tenant_id', '=', tenantId).where('audit_id', '=', auditId).executeTakeFirst();
  }

  listSkills(tenantId: string): Promise<Skill[]> {
    return listSkills(this.#d.db, tenantId);
  }

  findSkill(tenantId: string, ref: { id?: string; name?: string }): Promise<Skill | undefined> {
    return findSkill(this.#d.db, tenantId, ref);
  }

  async saveSkill(tenant: SkillTenant, input: Parameters<typeof saveSkill>[2]) {
    return saveSkill(await this.#runDeps(), tenant, input);
  }

  deleteSkill(tenantId: string, skillId: string): Promise<boolean> {
    return deleteSkill(this.#d.events, this.#d.db, tenantId, skillId);
  }

  async runSkill(tenant: SkillTenant, skill: Skill, opts: SkillRunOptions) {
    return runSkill(await this.#runDeps(), tenant, skill, opts);
  }

  async #runDeps(): Promise<RunDeps> {
    const { db, kind, events, clock, log } = this.#d;
    return { db, kind, events, catalog: await this.catalog.current(), now: clock(), log };
  }
}
