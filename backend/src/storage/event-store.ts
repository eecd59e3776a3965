import { sql, type Insertable, type Kysely } from 'kysely';
import { currentVersions, EventReader, IN_LIST_CHUNK, streamKey, toStoredEvent, type ReadAllOptions } from './event-reads.js';
import type { Database, EventsTable } from './schema.js';
import {
  ConcurrencyError,
  type AppendRequest,
  type AppendResult,
  type Projection,
  type Reactor,
  type StoredEvent,
  type StreamRef,
  type Trx,
} from './events.js';
import type { StorageMetrics } from './storage-metrics.js';

const UNIQUE_VIOLATION = '23505';
const MAX_ANY_RETRIES = 20;
const REPLAY_BATCH = 2000;
/** Rows per multi-row insert: 9 columns × 500 stays far below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = IN_LIST_CHUNK;

/** Append-only event store over one `events` table, with inline projections and reactors. */
export class EventStore {
  readonly #db: Kysely<Database>;
  readonly #reader: EventReader;
  readonly #projections: readonly Projection[];
  readonly #reactors: readonly Reactor[];
  readonly #metrics: StorageMetrics | undefined;

  constructor(
    db: Kysely<Database>,
    projections: readonly Projection[] = [],
    reactors: readonly Reactor[] = [],
    metrics?: StorageMetrics,
  ) {
    this.#db = db;
    this.#reader = new EventReader(db);
    this.#projections = projections;
    this.#reactors = reactors;
    this.#metrics = metrics;
    const names = new Set<string>();
    for (const p of projections) {
      if (names.has(p.name)) throw new Error(`projection ${p.name} is registered twice`);
      names.add(p.name);
    }
  }

  get projections(): readonly Projection[] {
    return this.#projections;
  }

  /**
   * Appends in one transaction with its projections and reactors. A version race fails with
   * ConcurrencyError (numeric / no_stream) or is retried (`any`); an idempotency key already
   * stored returns the stored events with `duplicate: true`.
   */
  async append(req: AppendRequest): Promise<AppendResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#db.transaction().execute((trx) => (atKnownVersion(req) ? this.#appendAtExpected(trx, req) : this.appendIn(trx, req)));
      } catch (err) {
        const constraint = uniqueViolation(err);
        // A retry racing its own original loses on the key, the version or the version check
        // (read committed: the key lookup ran before the original committed). Whichever it
        // was, the stored events are the answer.
        if (constraint || err instanceof ConcurrencyError) {
          const existing = await this.#findByKeys(this.#db, req);
          if (existing) return existing;
        }
        if (constraint === 'events_stream_version_key') {
          if ((req.expectedVersion ?? 'any') === 'any' && attempt < MAX_ANY_RETRIES) continue;
          const actual = await this.streamVersion(req.stream);
          throw new ConcurrencyError(req.stream, req.expectedVersion ?? 'any', actual);
        }
        throw err;
      }
    }
  }

  /** Append inside a caller's transaction (for a command that must also write elsewhere atomically). */
  async appendIn(trx: Trx, req: AppendRequest): Promise<AppendResult> {
    const [result] = await this.appendManyIn(trx, [req]);
    return result!;
  }

  /**
   * Appends to many streams inside a caller's transaction with a handful of statements instead
   * of several per stream: one look-up of idempotency keys, one of stream versions, chunked
   * multi-row inserts; projections and reactors then run per event, in order. Same rules as
   * `appendIn` (a request whose keys are stored is returned as a duplicate).
   */
  async appendManyIn(trx: Trx, reqs: readonly AppendRequest[]): Promise<AppendResult[]> {
    if (reqs.some((r) => r.events.length === 0)) throw new Error('append needs at least one event');
    const duplicates = await this.#findManyByKeys(trx, reqs);
    const fresh = reqs.filter((_, i) => !duplicates[i]);
    const versions = await currentVersions(trx, fresh.map((r) => r.stream));
    const now = new Date();
    const planned: { req: AppendRequest; first: number }[] = [];
    const rows: Insertable<EventsTable>[] = [];
    for (const req of fresh) {
      const key = streamKey(req.stream);
      const current = versions.get(key) ?? 0;
      const expected = req.expectedVersion ?? 'any';
      if ((expected === 'no_stream' && current !== 0) || (typeof expected === 'number' && expected !== current)) {
        throw new ConcurrencyError(req.stream, expected, current);
      }
      planned.push({ req, first: current + 1 });
      rows.push(...eventRows(req, current, now));
      versions.set(key, current + req.events.length);
    }
    const stored = await this.#insertAndDispatch(trx, rows);

    let next = 0;
    return reqs.map((req, i) => {
      const dup = duplicates[i];
      if (dup) return dup;
      const { first } = planned[next++]!;
      const events = stored.filter(
        (e) => e.streamType === req.stream.type && e.streamId === req.stream.id && e.version >= first && e.version < first + req.events.length,
      );
      return { events, version: first + req.events.length - 1, duplicate: false };
    });
  }

  /**
   * An append in its own transaction at the version its caller read (numeric or `no_stream`):
   * no look-ups first. The unique keys on (stream, version) and (tenant, idempotency key) refuse
   * a race or a retry, which `append` turns into ConcurrencyError or the stored events. A call's
   * lifecycle appends this way: two statements fewer per event, several times a call.
   */
  async #appendAtExpected(trx: Trx, req: AppendRequest): Promise<AppendResult> {
    if (req.events.length === 0) throw new Error('append needs at least one event');
    const current = req.expectedVersion === 'no_stream' ? 0 : Number(req.expectedVersion);
    const events = await this.#insertAndDispatch(trx, eventRows(req, current, new Date()));
    return { events, version: current + req.events.length, duplicate: false };
  }

  /** Multi-row inserts, then each event's projections and reactors in log order. */
  async #insertAndDispatch(trx: Trx, rows: readonly Insertable<EventsTable>[]): Promise<StoredEvent[]> {
    const stored: StoredEvent[] = [];
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = await trx.insertInto('events').values(rows.slice(i, i + INSERT_CHUNK)).returningAll().execute();
      stored.push(...chunk.map(toStoredEvent));
    }
    stored.sort((a, b) => a.position - b.position);
    for (const event of stored) await this.#dispatch(trx, event, true);
    for (const event of stored) this.#metrics?.eventsAppended(event.type, 1);
    return stored;
  }

  readStream(stream: StreamRef): Promise<StoredEvent[]> {
    return this.#reader.readStream(stream);
  }

  streamVersion(stream: StreamRef): Promise<number> {
    return this.#reader.streamVersion(stream);
  }

  /** Events in global order, optionally narrowed. */
  readAll(opts: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.#reader.readAll(opts);
  }

  /** Empties a projection's tables and replays every event it handles, in one transaction. */
  async rebuild(name: string): Promise<{ events: number }> {
    const projection = this.#projections.find((p) => p.name === name);
    if (!projection) throw new Error(`no projection named ${name}`);
    return this.#db.transaction().execute(async (trx) => {
      for (const table of projection.tables) await sql`delete from ${sql.table(table)}`.execute(trx);
      let after = 0;
      let count = 0;
      for (;;) {
        const rows = await trx
          .selectFrom('events')
          .selectAll()
          .where('position', '>', after)
          .where('type', 'in', [...projection.handles])
          .orderBy('position')
          .limit(REPLAY_BATCH)
          .execute();
        if (rows.length === 0) return { events: count };
        for (const row of rows) await projection.apply(trx, toStoredEvent(row));
        count += rows.length;
        after = rows[rows.length - 1]!.position;
      }
    });
  }

  async #dispatch(trx: Trx, event: StoredEvent, react: boolean): Promise<void> {
    for (const p of this.#projections) if (p.handles.includes(event.type)) await p.apply(trx, event);
    if (!react) return;
    for (const r of this.#reactors) if (r.handles.includes(event.type)) await r.react(trx, event);
  }

  async #findManyByKeys(db: Kysely<Database>, reqs: readonly AppendRequest[]): Promise<(AppendResult | undefined)[]> {
    const keysByTenant = new Map<string, Set<string>>();
    for (const r of reqs) {
      for (const e of r.events) {
        if (!e.idempotencyKey) continue;
        let keys = keysByTenant.get(r.tenantId);
        if (!keys) keysByTenant.set(r.tenantId, (keys = new Set()));
        keys.add(e.idempotencyKey);
      }
    }
    const found = new Map<string, StoredEvent>();
    // Per tenant, so the look-up uses the (tenant_id, idempotency_key) unique index.
    for (const [tenantId, keySet] of keysByTenant) {
      const keys = [...keySet];
      for (let i = 0; i < keys.length; i += INSERT_CHUNK) {
        const rows = await db
          .selectFrom('events')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('idempotency_key', 'in', keys.slice(i, i + INSERT_CHUNK))
          .orderBy('position')
          .execute();
        for (const r of rows) found.set(`${r.tenant_id}\u0000${r.idempotency_key}`, toStoredEvent(r));
      }
    }
    return reqs.map((req) => {
      const hits = req.events
        .map((e) => e.idempotencyKey && found.get(`${req.tenantId}\u0000${e.idempotencyKey}`))
        .filter((e): e is StoredEvent => !!e);
      if (hits.length === 0) return undefined;
      if (hits.length !== req.events.filter((e) => e.idempotencyKey).length) {
        throw new Error('an append mixed new events with already stored idempotency keys');
      }
      return { events: hits, version: Math.max(...hits.map((e) => e.version)), duplicate: true };
    });
  }

  async #findByKeys(db: Kysely<Database>, req: AppendRequest): Promise<AppendResult | undefined> {
    const [found] = await this.#findManyByKeys(db, [req]);
    return found;
  }
}

function uniqueViolation(err: unknown): string | undefined {
  const e = err as { code?: string; constraint?: string } | undefined;
  return e?.code === UNIQUE_VIOLATION ? (e.constraint ?? 'unknown') : undefined;
}

const atKnownVersion = (req: AppendRequest) => req.expectedVersion !== undefined && req.expectedVersion !== 'any';

/** The rows of one request's events, numbered on from `current`. */
function eventRows(req: AppendRequest, current: number, now: Date): Insertable<EventsTable>[] {
  return req.events.map((e, i) => ({
    tenant_id: req.tenantId,
    stream_type: req.stream.type,
    stream_id: req.stream.id,
    version: current + i + 1,
    type: e.type,
    payload: JSON.stringify(e.payload),
    metadata: JSON.stringify(e.metadata ?? {}),
    idempotency_key: e.idempotencyKey ?? null,
    occurred_at: e.occurredAt ?? now,
  }));
}
