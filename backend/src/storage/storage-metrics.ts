import { Counter, type Registry } from 'prom-client';

export type JobOutcome = 'done' | 'retry' | 'dead';

/** Event store and job counters, registered on the registry passed in (never a global one). */
export interface StorageMetrics {
  eventsAppended(type: string, count: number): void;
  jobFinished(queue: string, outcome: JobOutcome): void;
}

export function createStorageMetrics(registry: Registry): StorageMetrics {
  const registers = [registry];
  const events = new Counter({
    name: 'voz_events_appended_total',
    help: 'Events appended to the event store, by type (idempotent retries not counted)',
    labelNames: ['type'],
    registers,
  });
  const jobs = new Counter({
    name: 'voz_jobs_total',
    help: 'Job runs by queue and outcome (done, retry, dead)',
    labelNames: ['queue', 'outcome'],
    registers,
  });
  return {
    eventsAppended: (type, count) => events.inc({ type }, count),
    jobFinished: (queue, outcome) => jobs.inc({ queue, outcome }),
  };
}
