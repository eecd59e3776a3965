import type { AnyDb } from './catalog.js';
import { CompiledQuery, sql } from 'kysely';
import type { CompiledQuery as AnalyticsQuery } from './compile.js';

/** The SELECT-only role the analytics migration creates; queries run under it, never as the owner. */
export const ANALYTICS_ROLE = 'voz_analytics';
/** The transaction-local setting the analytic views filter on. */
export const TENANT_SETTING = 'voz.tenant_id';
/** PostgreSQL cancels a query past this; PGlite ignores it (see README: caps in the spec instead). */
export const STATEMENT_TIMEOUT_MS = 2_000;

export interface ExecuteOptions {
  /** 'postgres' gets a statement timeout; PGlite ignores statement_timeout. */
  kind: 'pglite' | 'postgres';
  timeoutMs?: number;
}

/**
 * Runs a compiled query as defence in depth: a read-only transaction, the tenant in a
 * transaction-local setting the views filter on, and `set local role` to the SELECT-only role
 * (PGlite and a superuser pool bypass RLS and grants otherwise). The role and setting end with
 * the transaction, so the pooled connection goes back as it came.
 */
export async function executeAnalytics(
  db: AnyDb,
  query: AnalyticsQuery,
  tenantId: string,
  opts: ExecuteOptions,
): Promise<Record<string, unknown>[]> {
  return db.transaction().execute(async (trx) => {
    await sql`set transaction read only`.execute(trx);
    await sql`select set_config(${TENANT_SETTING}, ${tenantId}, true)`.execute(trx);
    if (opts.kind === 'postgres') {
      await sql`select set_config('statement_timeout', ${String(opts.timeoutMs ?? STATEMENT_TIMEOUT_MS)}, true)`.execute(trx);
    }
    await sql`set local role ${sql.id(ANALYTICS_ROLE)}`.execute(trx);
    const result = await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(query.sql, [...query.parameters]));
    return result.rows;
  });
}
