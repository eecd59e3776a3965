import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';

export interface RateLimit {
  key: string;
  limit: number;
  windowMs: number;
}

/** Defaults: a US long code sends about one SMS a second; a tenant gets 30 a minute per channel. */
export interface RateLimits {
  perSenderNumber: { limit: number; windowMs: number };
  perTenantChannel: { limit: number; windowMs: number };
}

export const DEFAULT_RATE_LIMITS: RateLimits = Object.freeze({
  perSenderNumber: { limit: 1, windowMs: 1_000 },
  perTenantChannel: { limit: 30, windowMs: 60_000 },
});

class Limited extends Error {
  constructor(readonly until: Date) {
    super('rate limited');
  }
}

/**
 * Takes one unit from every limit, or none: fixed windows counted in the database, so every
 * instance shares them. Returns null when taken, else when to try again (a burst waits; nothing
 * is dropped). One statement per limit; the transaction undoes earlier takes when a later limit is full.
 */
export async function takeRateLimits(db: Kysely<Database>, limits: readonly RateLimit[], now: Date): Promise<Date | null> {
  if (limits.length === 0) return null;
  try {
    await db.transaction().execute(async (trx) => {
      for (const l of limits) {
        const windowStart = new Date(Math.floor(now.getTime() / l.windowMs) * l.windowMs);
        const { rows } = await sql<{ used: number }>`
          insert into notification_rate_limits as r (key, window_start, used) values (${l.key}, ${windowStart}, 1)
          on conflict (key) do update set
            window_start = excluded.window_start,
            used = case when r.window_start = excluded.window_start then r.used + 1 else 1 end
          where r.window_start <> excluded.window_start or r.used < ${l.limit}
          returning used`.execute(trx);
        if (rows.length === 0) throw new Limited(new Date(windowStart.getTime() + l.windowMs));
      }
    });
    return null;
  } catch (err) {
    if (err instanceof Limited) return err.until;
    throw err;
  }
}
