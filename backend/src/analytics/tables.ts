import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../storage/schema.js';

/** Tables of migration `2026_11_25_170_business_analytics` (migrations/). */
export interface AnalyticsAuditTable {
  audit_id: string;
  tenant_id: string;
  occurred_at: Timestamp;
  actor_mode: string;
  source: string;
  tool: string;
  call_sid: string | null;
  skill_id: string | null;
  question: string | null;
  spec: Json<unknown> | null;
  sql: string | null;
  params: Json<unknown[]> | null;
  row_count: number | null;
  duration_ms: number | null;
  outcome: string;
  error: string | null;
}

export interface AnalyticsSkillsTable {
  skill_id: string;
  tenant_id: string;
  name: string;
  spec: Json<Record<string, unknown>>;
  schedule: string | null;
  channel: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_run_at: Timestamp | null;
  last_outcome: string | null;
  last_audit_id: string | null;
  runs: Generated<number>;
}

declare module '../storage/schema.js' {
  interface Database {
    analytics_audit: AnalyticsAuditTable;
    analytics_skills: AnalyticsSkillsTable;
  }
}
