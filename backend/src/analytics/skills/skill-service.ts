import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import '../tables.js';
import type { EventStore } from '../../storage/event-store.js';
import type { Database } from '../../storage/schema.js';
import { answerText } from '../answer-text.js';
import { compile } from '../compile.js';
import { describeIssues, QuerySpecSchema } from '../query-spec.js';
import type { QueryResult } from '../result.js';
import { runQuery, type RunDeps } from '../run-query.js';
import { checkSchedule } from './skill-schedule.js';
import { NOTIFICATION_QUEUED } from '../../features/notification-events.js';
import {
  SKILL_DELETED,
  SKILL_RAN,
  SKILL_SAVED,
  SkillChannelSchema,
  skillStream,
  type SkillNotification,
  type SkillChannel,
  type SkillRan,
  type SkillSaved,
} from './skill-events.js';

export interface SkillTenant {
  id: string;
  timeZone: string;
}

export interface Skill {
  skillId: string;
  name: string;
  spec: Record<string, unknown>;
  schedule: string | null;
  channel: SkillChannel;
  lastRunAt: string | null;
  lastOutcome: string | null;
  lastAuditId: string | null;
  runs: number;
}

export type SkillSaveResult = { ok: true; skill: Skill } | { ok: false; errors: string[] };

export const MAX_SKILL_NAME_CHARS = 80;

export async function listSkills(db: Kysely<Database>, tenantId: string): Promise<Skill[]> {
  const rows = await db.selectFrom('analytics_skills').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
  return rows.map(toSkill);
}

export async function findSkill(db: Kysely<Database>, tenantId: string, ref: { id?: string; name?: string }): Promise<Skill | undefined> {
  let q = db.selectFrom('analytics_skills').selectAll().where('tenant_id', '=', tenantId);
  if (ref.id) q = q.where('skill_id', '=', ref.id);
  else if (ref.name) q = q.where((eb) => eb(eb.fn('lower', ['name']), '=', ref.name!.trim().toLowerCase()));
  else return undefined;
  const row = await q.executeTakeFirst();
  return row && toSkill(row);
}

function toSkill(row: {
  skill_id: string;
  name: string;
  spec: Record<string, unknown>;
  schedule: string | null;
  channel: string;
  last_run_at: Date | null;
  last_outcome: string | null;
  last_audit_id: string | null;
  runs: number;
}): Skill {
  return {
    skillId: row.skill_id,
    name: row.name,
    spec: row.spec,
    schedule: row.schedule,
    channel: SkillChannelSchema.catch('portal').parse(row.channel),
    lastRunAt: row.last_run_at ? new Date(row.last_run_at).toISOString() : null,
    lastOutcome: row.last_outcome,
    lastAuditId: row.last_audit_id,
    runs: row.runs,
  };
}

/**
 * Saves a spec under a name (an existing name, or the given `skillId`, is updated in place). The spec must validate
 * against the current catalog and the schedule must parse, else nothing is saved.
 */
export async function saveSkill(
  deps: RunDeps,
  tenant: SkillTenant,
  input: { name: unknown; spec: unknown; schedule?: unknown; channel?: unknown; skillId?: string },
): Promise<SkillSaveResult> {
  const errors: string[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name.length === 0 || name.length > MAX_SKILL_NAME_CHARS) errors.push(`name: give a name of 1 to ${MAX_SKILL_NAME_CHARS} characters`);
  const channel = SkillChannelSchema.safeParse(input.channel ?? 'portal');
  if (!channel.success) errors.push('channel: must be sms, email or portal');
  const schedule = input.schedule === undefined || input.schedule === null || input.schedule === '' ? null : input.schedule;
  if (schedule !== null) {
    if (typeof schedule !== 'string') errors.push('schedule: must be a cron expression or null');
    else {
      const check = checkSchedule(schedule, tenant.timeZone, deps.now);
      if (!check.ok) errors.push(check.error);
    }
  }
  const parsed = QuerySpecSchema.safeParse(input.spec);
  if (!parsed.success) errors.push(...describeIssues(parsed.error).map((e) => `spec: ${e}`));
  else {
    const compiled = compile(parsed.data, deps.catalog, tenant.id, deps.now, tenant.timeZone);
    if (!compiled.ok) errors.push(...compiled.errors.map((e) => `spec: ${e}`));
  }
  if (errors.length > 0 || !parsed.success || !channel.success) return { ok: false, errors };

  // By id (the portal's edit, which may rename), else by name: the same name updates in place.
  const existing = await findSkill(deps.db, tenant.id, input.skillId ? { id: input.skillId } : { name });
  const clash = input.skillId ? await findSkill(deps.db, tenant.id, { name }) : undefined;
  if (clash && clash.skillId !== input.skillId) return { ok: false, errors: ['name: another skill already has this name'] };
  const payload: SkillSaved = {
    skillId: existing?.skillId ?? randomUUID(),
    tenantId: tenant.id,
    name,
    spec: parsed.data as unknown as Record<string, unknown>,
    schedule: schedule as string | null,
    channel: channel.data,
  };
  await deps.events.append({ tenantId: tenant.id, stream: skillStream(payload.skillId), events: [{ type: SKILL_SAVED, payload, metadata: { actor_mode: 'owner' } }] });
  const saved = await findSkill(deps.db, tenant.id, { id: payload.skillId });
  return { ok: true, skill: saved! };
}

export async function deleteSkill(events: Pick<EventStore, 'append'>, db: Kysely<Database>, tenantId: string, skillId: string): Promise<boolean> {
  const skill = await findSkill(db, tenantId, { id: skillId });
  if (!skill) return false;
  await events.append({ tenantId, stream: skillStream(skillId), events: [{ type: SKILL_DELETED, payload: { skillId, tenantId }, metadata: { actor_mode: 'owner' } }] });
  return true;
}

export interface SkillRunOptions {
  source: 'voice' | 'portal' | 'schedule';
  actorMode: 'owner' | 'system';
  callSid?: string | null;
  /** Scheduled slot: the result is delivered as a notification. */
  slot?: Date | null;
}

/**
 * Runs a saved skill through the one query path (re-validated, relative range re-resolved now,
 * audited). A skill that no longer validates is flagged to the owner by a notification and not
 * run; a scheduled result is delivered as a notification.
 */
export async function runSkill(deps: RunDeps, tenant: SkillTenant, skill: Skill, opts: SkillRunOptions): Promise<{ result: QueryResult; text: string }> {
  const result = await runQuery(deps, {
    tenantId: tenant.id,
    timeZone: tenant.timeZone,
    actorMode: opts.actorMode,
    source: opts.source,
    tool: 'run_saved_skill',
    callSid: opts.callSid ?? null,
    skillId: skill.skillId,
    question: `saved skill: ${skill.name}`,
    spec: skill.spec,
  });
  const outcome: SkillRan['outcome'] = result.ok ? 'ok' : result.reason === 'invalid' ? 'invalid' : 'error';
  const text = answerText(result);
  const ran: SkillRan = {
    skillId: skill.skillId,
    tenantId: tenant.id,
    auditId: result.audit_id,
    outcome,
    source: opts.source,
    slot: opts.slot ? opts.slot.toISOString() : null,
  };
  const events: { type: string; payload: object; idempotencyKey?: string }[] = [
    { type: SKILL_RAN, payload: ran, ...(opts.slot ? { idempotencyKey: `skill:${skill.skillId}:${ran.slot}:ran` } : {}) },
  ];
  const flag = outcome === 'invalid';
  if (flag || (opts.slot && outcome === 'ok')) {
    const note: SkillNotification = {
      notificationId: `skill:${skill.skillId}:${result.audit_id}`,
      tenantId: tenant.id,
      kind: 'skill_result',
      channel: skill.channel,
      subject: flag ? `Saved report "${skill.name}" needs attention` : `${skill.name}`,
      body: flag
        ? `It no longer matches your data and was not run: ${result.ok ? '' : result.error}. Please save it again.`
        : text,
      ref: { skillId: skill.skillId, auditId: result.audit_id, status: flag ? 'needs_attention' : 'ok' },
    };
    events.push({ type: NOTIFICATION_QUEUED, payload: note, ...(opts.slot ? { idempotencyKey: `skill:${skill.skillId}:${ran.slot}:notify` } : {}) });
  }
  await deps.events.append({
    tenantId: tenant.id,
    stream: skillStream(skill.skillId),
    events: events.map((e) => ({ ...e, metadata: { source: opts.source, actor_mode: opts.actorMode } })),
  });
  return { result, text };
}
