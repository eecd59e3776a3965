import type { Accounts } from '@vozlia/control-plane';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { Clock } from '../features/types.js';
import type { JobHandler, JobQueue } from '../storage/jobs.js';

export const ACCOUNTS_PURGE_JOB = 'accounts.purge_expired';
/** Shortly after midnight UTC, away from the billing sweep's minute. */
const PURGE_AFTER_MIDNIGHT_MS = 20 * 60_000;

/**
 * Expired sessions and spent login-throttle rows are deleted once a day, by a job (one per day
 * whichever instance enqueues it: its dedupe key is the date). Each run queues the next.
 */
export function accountsHousekeeping(accounts: Pick<Accounts, 'purgeExpired'>, jobs: Pick<JobQueue, 'enqueue'>, clock: Clock, log: Logger) {
  async function scheduleNext(): Promise<void> {
    const day = DateTime.fromJSDate(clock(), { zone: 'UTC' }).startOf('day').plus({ days: 1 });
    await jobs.enqueue(ACCOUNTS_PURGE_JOB, {}, { runAt: new Date(day.toMillis() + PURGE_AFTER_MIDNIGHT_MS), dedupeKey: `${ACCOUNTS_PURGE_JOB}:${day.toFormat('yyyy-MM-dd')}` });
  }
  const jobHandlers: Record<string, JobHandler> = {
    [ACCOUNTS_PURGE_JOB]: async () => {
      const purged = await accounts.purgeExpired();
      log.info({ event: 'accounts_purged', ...purged }, 'expired sessions and login attempts deleted');
      await scheduleNext();
    },
  };
  return { jobHandlers, scheduleNext };
}
