/** Delay before attempt n+1 after attempt n failed (Svix's schedule): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const RETRY_DELAYS_MS: readonly number[] = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
/** The first try plus one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** ±10 %, so messages failing together do not retry together. */
export const JITTER = 0.1;
/** A provider's Retry-After is honoured up to this; beyond it the schedule is trusted. */
export const MAX_RETRY_AFTER_MS = 36_000_000;

/**
 * Pure: how long to wait after failed attempt `attempt` (1-based). A provider's Retry-After wins
 * (capped); else the schedule with jitter from `random` ∈ [0, 1).
 */
export function retryDelayMs(attempt: number, random: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  const base = RETRY_DELAYS_MS[Math.min(Math.max(attempt, 1), RETRY_DELAYS_MS.length) - 1]!;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}

/** `Retry-After` as seconds or an HTTP date → milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined | null, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
