import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, JobRow } from './schema.js';
import type { StorageMetrics } from './storage-metrics.js';

export type JobHandler = (payload: Record<string, unknown>, job: { id: number; attempt: number }) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** At most one job per key ever (e.g. `summary:<callSid>`); a second enqueue is a no-op. */
  dedupeKey?: string;
}

/** Enqueue side; usable inside an event-append transaction so the job exists iff the event does. */
export class JobQueue {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async enqueue(queue: string, payload: Record<string, unknown>, opts: EnqueueOptions = {}, db: Kysely<Database> = this.#db) {
    await db
      .insertInto('jobs')
      .values({
        queue,
        payload: JSON.stringify(payload),
        ...(opts.runAt ? { run_at: opts.runAt } : {}),
        ...(opts.maxAttempts ? { max_attempts: opts.maxAttempts } : {}),
        dedupe_key: opts.dedupeKey ?? null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
}

export interface WorkerOptions {
  /** Delay between polls while there is work. */
  pollMs?: number;
  /** Idle polls back off (doubling from `pollMs`) up to this: an idle poll costs a query on a shared database. */
  idlePollMs?: number;
  /** A claimed job not finished within the lease is taken again by someone (at-least-once). */
  leaseMs?: number;
  batchSize?: number;
  /** Delay before retry n (1-based). */
  backoffMs?: (attempt: number) => number;
  workerId?: string;
  log?: Logger;
  metrics?: StorageMetrics;
}

const LEASE_EXPIRED = 'lease expired on the last attempt (worker died?)';

const defaultBackoff = (attempt: number) => Math.min(60_000, 500 * 2 ** (attempt - 1));

/**
 * Delay before the next poll: `pollMs` after a batch that ran jobs, doubling after each empty one
 * up to `idlePollMs`. On an idle instance the poller was the only steady database load (two
 * statements every 500 ms: ~5 % of the CPU of 100 bridged calls on embedded PGlite).
 */
export function nextPollDelay(ranJobs: number, previousMs: number, o: { pollMs: number; idlePollMs: number }): number {
  if (ranJobs > 0) return o.pollMs;
  return Math.max(o.pollMs, Math.min(previousMs * 2, o.idlePollMs));
}

/**
 * Polls the jobs table with `FOR UPDATE SKIP LOCKED`, so several instances on one PostgreSQL
 * share work without double-running a job; retries with backoff; dead-letters after max attempts.
 */
export class JobWorker {
  readonly #db: Kysely<Database>;
  readonly #handlers: Readonly<Record<string, JobHandler>>;
  readonly #opts: Required<Omit<WorkerOptions, 'log' | 'metrics'>> & Pick<WorkerOptions, 'log' | 'metrics'>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;

  constructor(db: Kysely<Database>, handlers: Record<string, JobHandler>, opts: WorkerOptions = {}) {
    this.#db = db;
    this.#handlers = Object.freeze({ ...handlers });
    this.#opts = {
      pollMs: opts.pollMs ?? 500,
      idlePollMs: opts.idlePollMs ?? 4000,
      leaseMs: opts.leaseMs ?? 60_000,
      batchSize: opts.batchSize ?? 5,
      backoffMs: opts.backoffMs ?? defaultBackoff,
      workerId: opts.workerId ?? randomUUID(),
      log: opts.log,
      metrics: opts.metrics,
    };
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    let delayMs = this.#opts.pollMs;
    const tick = async () => {
      if (this.#stopped) return;
      let taken = 0;
      this.#running = this.#poll().then(
        (r) => void (taken = r.taken),
        (err: unknown) => this.#opts.log?.error({ err }, 'job poll failed'),
      );
      await this.#running;
      // A batch of dead letters is work too: more may be waiting behind it.
      delayMs = nextPollDelay(taken, delayMs, this.#opts);
      if (!this.#stopped) this.#timer = setTimeout(tick, delayMs).unref();
    };
    this.#timer = setTimeout(tick, 0).unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  /** Claims and runs one batch; returns how many jobs ran. */
  async runOnce(): Promise<number> {
    return (await this.#poll()).ran;
  }

  /** One batch: `taken` counts the rows the claim took, dead-lettered ones included. */
  async #poll(): Promise<{ ran: number; taken: number }> {
    const queues = Object.keys(this.#handlers);
    if (queues.length === 0) return { ran: 0, taken: 0 };
    const { jobs, taken } = await this.#claim(queues);
    for (const job of jobs) await this.#run(job);
    return { ran: jobs.length, taken };
  }

  /**
   * One statement per poll (an idle instance polls every few seconds, and on embedded PGlite
   * each statement costs milliseconds): claims due jobs and, in the same pass, dead-letters a
   * job whose lease ran out on its last allowed attempt. Its worker died running it (perhaps
   * because of it), so it is not handed to the next worker to crash that one too.
   */
  async #claim(queues: string[]): Promise<{ jobs: JobRow[]; taken: number }> {
    const { rows } = await sql<JobRow>`
      with picked as (
        select id, status = 'running' and attempts >= max_attempts as dead from jobs
        where queue in (${sql.join(queues)})
          and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
        order by run_at, id
        limit ${this.#opts.batchSize}
        for update skip locked)
      update jobs j set
        status = case when p.dead then 'dead' else 'running' end,
        attempts = case when p.dead then j.attempts else j.attempts + 1 end,
        locked_by = case when p.dead then j.locked_by else ${this.#opts.workerId} end,
        locked_until = case when p.dead then null else now() + make_interval(secs => ${this.#opts.leaseMs / 1000}) end,
        finished_at = case when p.dead then now() else j.finished_at end,
        last_error = case when p.dead then ${LEASE_EXPIRED} else j.last_error end
      from picked p where j.id = p.id
      returning j.*`.execute(this.#db);
    const jobs: JobRow[] = [];
    for (const row of rows) {
      if (row.status === 'dead') this.#opts.metrics?.jobFinished(row.queue, 'dead');
      else jobs.push(row);
    }
    return { jobs, taken: rows.length };
  }

  async #run(job: JobRow): Promise<void> {
    const handler = this.#handlers[job.queue]!;
    try {
      await handler(job.payload, { id: Number(job.id), attempt: job.attempts });
      await this.#db
        .updateTable('jobs')
        .set({ status: 'done', finished_at: new Date(), locked_until: null, last_error: null })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.#opts.workerId)
        .execute();
      this.#opts.metrics?.jobFinished(job.queue, 'done');
    } catch (err) {
      const dead = job.attempts >= job.max_attempts;
      const message = err instanceof Error ? err.message : String(err);
      this.#opts.log?.warn({ queue: job.queue, job: job.id, attempt: job.attempts, dead, error: message }, 'job failed');
      await this.#db
        .updateTable('jobs')
        .set({
          status: dead ? 'dead' : 'queued',
          last_error: message.slice(0, 2000),
          locked_until: null,
          run_at: new Date(Date.now() + (dead ? 0 : this.#opts.backoffMs(job.attempts))),
          finished_at: dead ? new Date() : null,
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.#opts.workerId)
        .execute();
      this.#opts.metrics?.jobFinished(job.queue, dead ? 'dead' : 'retry');
    }
  }
}
