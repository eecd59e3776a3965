import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AccessCodeSources } from '../config/load-config.js';
import { normalizeActorMode, type ActorMode } from '../policy/modes.js';
import type { Database } from '../storage/schema.js';
import './tables.js';
import { shortHash, type KeyedHasher } from './access-hash.js';
import { mergeEnvAccessCodes, sameMeaning, type AccessCodeConflict, type AccessGrant, type MergedEnvCodes } from './access-code-sources.js';

const ACCESS_CODE = /^\d{8}$/;

export type Resolution =
  | { ok: true; tenantId: string; actorMode: ActorMode; codeHash: string }
  | { ok: false; reason: 'malformed' | 'unknown' | 'conflict' | 'unknown_tenant'; codeHash: string | null };

/**
 * One resolver over every access-code source: the env tables (pre-hashed at start into an
 * immutable map) and the stored codes (`access_codes`, keyed hashes only). Resolving is one
 * HMAC and one indexed query. Fail closed: a code two sources map differently is refused.
 */
export class AccessCodeResolver {
  readonly #db: Kysely<Database>;
  readonly #hasher: KeyedHasher;
  readonly #env: MergedEnvCodes;

  constructor(db: Kysely<Database>, hasher: KeyedHasher, sources: AccessCodeSources) {
    this.#db = db;
    this.#hasher = hasher;
    this.#env = mergeEnvAccessCodes(sources, (c) => hasher.code(c));
  }

  async resolve(code: string): Promise<Resolution> {
    if (!ACCESS_CODE.test(code)) return { ok: false, reason: 'malformed', codeHash: null };
    const codeHash = this.#hasher.code(code);
    const env = this.#env.byHash.get(codeHash);
    if (env === 'conflict') return { ok: false, reason: 'conflict', codeHash };
    const row = await this.#db
      .selectNoFrom((eb) => [
        eb.selectFrom('access_codes').select('tenant_id').where('code_hash', '=', codeHash).as('stored_tenant'),
        eb.selectFrom('access_codes').select('actor_mode').where('code_hash', '=', codeHash).as('stored_mode'),
        eb.selectFrom('access_codes').select('status').where('code_hash', '=', codeHash).as('stored_status'),
        eb
          .selectFrom('tenants')
          .select('id')
          .where('id', '=', eb.selectFrom('access_codes').select('tenant_id').where('code_hash', '=', codeHash))
          .as('stored_tenant_known'),
        eb.selectFrom('tenants').select('id').where('id', '=', env?.tenantId ?? '').as('env_tenant_known'),
      ])
      .executeTakeFirstOrThrow();
    const stored =
      row.stored_tenant && row.stored_status !== 'revoked'
        ? { tenantId: row.stored_tenant, actorMode: normalizeActorMode(row.stored_mode), conflict: row.stored_status === 'conflict' }
        : undefined;
    if (stored?.conflict) return { ok: false, reason: 'conflict', codeHash };
    if (stored && env && !sameMeaning(stored, env)) return { ok: false, reason: 'conflict', codeHash };
    const grant = env ?? stored;
    if (!grant) return { ok: false, reason: 'unknown', codeHash };
    const known = env ? row.env_tenant_known : row.stored_tenant_known;
    if (!known) return { ok: false, reason: 'unknown_tenant', codeHash };
    return { ok: true, tenantId: grant.tenantId, actorMode: grant.actorMode, codeHash };
  }

  /**
   * Whether these digits mean anything to any source: an env table (conflicts included) or a
   * stored code in any state (a revoked code is not handed out again). Issuing checks it.
   */
  async known(code: string): Promise<boolean> {
    const codeHash = this.#hasher.code(code);
    if (this.#env.byHash.has(codeHash)) return true;
    const row = await this.#db.selectFrom('access_codes').select('code_hash').where('code_hash', '=', codeHash).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Conflicts visible at start (between env sources, and env vs stored codes), plus env codes
   * naming unknown tenants. Logged once, by source and short hash, never by digits.
   */
  async reportAtStart(log: Logger): Promise<{ conflicts: AccessCodeConflict[]; unknownTenants: number }> {
    const conflicts = [...this.#env.conflicts];
    const grants = [...this.#env.byHash].filter((e): e is [string, AccessGrant] => e[1] !== 'conflict');
    const hashes = grants.map(([h]) => h);
    const stored = hashes.length
      ? await this.#db.selectFrom('access_codes').select(['code_hash', 'tenant_id', 'actor_mode', 'status']).where('code_hash', 'in', hashes).execute()
      : [];
    for (const s of stored) {
      const env = this.#env.byHash.get(s.code_hash) as AccessGrant;
      if (s.status === 'conflict' || (s.status === 'active' && !sameMeaning(env, { tenantId: s.tenant_id, actorMode: normalizeActorMode(s.actor_mode) }))) {
        conflicts.push({ codeHash: s.code_hash, sources: [env.source, 'stored'] });
      }
    }
    const tenantIds = new Set((await this.#db.selectFrom('tenants').select('id').execute()).map((r) => r.id));
    const unknownTenants = grants.filter(([, g]) => !tenantIds.has(g.tenantId));
    for (const c of conflicts) {
      log.warn({ event: 'access_code_conflict', code: shortHash(c.codeHash), sources: c.sources }, 'access code mapped differently by two sources: refused');
    }
    for (const [h, g] of unknownTenants) {
      log.warn({ event: 'access_code_unknown_tenant', code: shortHash(h), source: g.source, tenantId: g.tenantId }, 'access code names an unknown tenant: refused');
    }
    return { conflicts, unknownTenants: unknownTenants.length };
  }
}
