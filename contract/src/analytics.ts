import { z } from 'zod';
import { page, PageQuery } from './pagination.js';
import { QuerySpecSchema } from './query-spec.js';
import { Count, IsoInstant } from './scalars.js';

/**
 * Business analytics under `/api/tenants/:tenant_id/` (contract §5, §7). Every run is audited
 * with source `portal`.
 * - `POST query` (`QueryRequest`) → 200 `QueryResult`: an invalid spec is `ok:false`, not a 400.
 * - `POST ask` (`AskRequest`) → 200 `AskResult` (502 with `ok:false` when the text model fails).
 * - `GET audit` (`AuditListQuery`) → `AuditList`; `GET audit/:audit_id` → `AuditDetail`.
 * - `GET skills` → `SkillList`; `POST skills` (`SaveSkillRequest`) → 201 `Skill` (same name:
 *   updated in place); `PUT skills/:id` (`SaveSkillRequest`) → `Skill`; `DELETE skills/:id` → 204;
 *   `POST skills/:id/run` → `SkillRunResult`. A bad spec or schedule → 400 naming the field.
 */
export const QUESTION_MAX_CHARS = 500;
export const SKILL_NAME_MAX_CHARS = 80;

/** The period a result covers, resolved in the tenant's zone; `label` reads "from Monday, …". */
export const QueryWindow = z.object({ from: IsoInstant.nullable(), to: IsoInstant.nullable(), label: z.string() });
export type QueryWindow = z.infer<typeof QueryWindow>;

/** A result cell: numbers, text, booleans, instants as ISO text, or null. */
export const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof Cell>;

export const QuerySuccess = z.object({
  ok: z.literal(true),
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), Cell)),
  row_count: Count,
  truncated: z.boolean(),
  audit_id: z.string(),
  window: QueryWindow.nullable(),
  /** A plain sentence built from the rows (never by a model). */
  answer: z.string(),
});
export type QuerySuccess = z.infer<typeof QuerySuccess>;

export const QueryFailure = z.object({
  ok: z.literal(false),
  /** `invalid`: the spec; `refused`: not for this caller; `error`: the database failed. */
  reason: z.enum(['invalid', 'refused', 'error']),
  error: z.string(),
  /** Spoken-safe: "I'm not sure…". */
  fallback: z.string(),
  audit_id: z.string(),
  answer: z.string(),
});
export type QueryFailure = z.infer<typeof QueryFailure>;

export const QueryResult = z.discriminatedUnion('ok', [QuerySuccess, QueryFailure]);
export type QueryResult = z.infer<typeof QueryResult>;

/** The spec is checked against the tenant's catalog by the server, so any JSON is accepted here. */
export const QueryRequest = z.object({ spec: z.unknown() });
export type QueryRequest = z.infer<typeof QueryRequest>;

export const AskRequest = z.object({ question: z.string().trim().min(1, 'Ask a question').max(QUESTION_MAX_CHARS) });
export type AskRequest = z.infer<typeof AskRequest>;

/** What `ask` adds: the question, the spec it used, and the SQL from the audit trail. */
const AskExtras = {
  question: z.string(),
  spec: QuerySpecSchema.nullable(),
  sql: z.string().nullable(),
  params: z.array(z.unknown()).nullable(),
};
export const AskResult = z.discriminatedUnion('ok', [QuerySuccess.extend(AskExtras), QueryFailure.extend(AskExtras)]);
export type AskResult = z.infer<typeof AskResult>;

export const AuditSource = z.enum(['voice', 'portal', 'schedule']);
export const AuditOutcome = z.enum(['ok', 'invalid', 'error', 'refused']);

export const AuditEntry = z.object({
  audit_id: z.string(),
  occurred_at: IsoInstant,
  actor_mode: z.enum(['owner', 'client', 'system']),
  source: AuditSource,
  tool: z.string(),
  question: z.string().nullable(),
  outcome: AuditOutcome,
  row_count: Count.nullable(),
  duration_ms: Count.nullable(),
  skill_id: z.string().nullable(),
  error: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditDetail = AuditEntry.extend({
  call_sid: z.string().nullable(),
  spec: z.unknown().nullable(),
  sql: z.string().nullable(),
  params: z.array(z.unknown()).nullable(),
});
export type AuditDetail = z.infer<typeof AuditDetail>;

export const AuditListQuery = PageQuery.extend({ source: AuditSource.optional(), outcome: AuditOutcome.optional() });
export type AuditListQuery = z.input<typeof AuditListQuery>;

export const AuditList = page(AuditEntry);
export type AuditList = z.infer<typeof AuditList>;

export const SkillChannel = z.enum(['portal', 'sms', 'email']);
export type SkillChannel = z.infer<typeof SkillChannel>;

/** Five-field cron in the tenant's zone, at most hourly (the server checks the interval). */
export const CronSchedule = z
  .string()
  .trim()
  .regex(/^\S+(\s+\S+){4}$/, 'Use a five-field schedule, like "0 8 * * 1" (Mondays at 8:00)');

export const Skill = z.object({
  id: z.string(),
  name: z.string(),
  spec: QuerySpecSchema,
  schedule: z.string().nullable(),
  channel: SkillChannel,
  runs: Count,
  last_run_at: IsoInstant.nullable(),
  last_outcome: AuditOutcome.nullable(),
  last_audit_id: z.string().nullable(),
  /** The last run's plain-sentence answer. */
  last_answer: z.string().nullable(),
  next_run_at: IsoInstant.nullable(),
});
export type Skill = z.infer<typeof Skill>;

export const SkillList = page(Skill);
export type SkillList = z.infer<typeof SkillList>;

export const SaveSkillRequest = z.object({
  name: z.string().trim().min(1, 'Give the skill a name').max(SKILL_NAME_MAX_CHARS),
  spec: QuerySpecSchema,
  schedule: CronSchedule.nullable().default(null),
  channel: SkillChannel.default('portal'),
});
export type SaveSkillRequest = z.infer<typeof SaveSkillRequest>;

export const SkillRunResult = z.discriminatedUnion('ok', [QuerySuccess.extend({ skill: z.string() }), QueryFailure.extend({ skill: z.string() })]);
export type SkillRunResult = z.infer<typeof SkillRunResult>;
