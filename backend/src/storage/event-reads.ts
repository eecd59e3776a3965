import type { Kysely } from 'kysely';
import type { Database, EventRow } from './schema.js';
import type { StoredEvent, StreamRef } from './events.js';

/** Rows per `in (…)` list: far below PostgreSQL's 65,535 parameters. */
export const IN_LIST_CHUNK = 500;
const READ_ALL_DEFAULT_LIMIT = 1000;

export interface ReadAllOptions {
  /** Events after this global position. */
  after?: number;
  tenantId?: string;
  types?: readonly string[];
  /** Events recorded during this call (`metadata.call_sid`), on any stream. */
  callSid?: string;
  limit?: number;
}

/**
 * Reads of the event log over one handle: the store's own, or a transaction's (a projection
 * that needs an earlier fact of a stream reads it inside the append that runs it).
 */
export class EventReader {
  readonly #db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async readStream(stream: StreamRef): Promise<StoredEvent[]> {
    const rows = await this.#db
      .selectFrom('events')
      .selectAll()
      .where('stream_type', '=', stream.type)
      .where('stream_id', '=', stream.id)
      .orderBy('version')
      .execute();
    return rows.map(toStoredEvent);
  }

  /** The stream's first event of this type; `P` is its payload as the stream's contract declares it. */
  async first<P extends object>(stream: StreamRef, type: string): Promise<StoredEvent<P> | undefined> {
    const row = await this.#db
      .selectFrom('events')
      .selectAll()
      .where('stream_type', '=', stream.type)
      .where('stream_id', '=', stream.id)
      .where('type', '=', type)
      .orderBy('version')
      .executeTakeFirst();
    return row && (toStoredEvent(row) as unknown as StoredEvent<P>);
  }

  async streamVersion(stream: StreamRef): Promise<number> {
    return (await currentVersions(this.#db, [stream])).get(streamKey(stream)) ?? 0;
  }

  /** Events in global order, optionally narrowed. */
  async readAll(opts: ReadAllOptions = {}): Promise<StoredEvent[]> {
    let q = this.#db
      .selectFrom('events')
      .selectAll()
      .where('position', '>', opts.after ?? 0)
      .orderBy('position')
      .limit(opts.limit ?? READ_ALL_DEFAULT_LIMIT);
    if (opts.tenantId) q = q.where('tenant_id', '=', opts.tenantId);
    if (opts.types?.length) q = q.where('type', 'in', [...opts.types]);
    if (opts.callSid) q = q.where((eb) => eb(eb.ref('metadata', '->>').key('call_sid'), '=', opts.callSid!));
    return (await q.execute()).map(toStoredEvent);
  }
}

/** The current version of each stream (absent = no events yet). */
export async function currentVersions(db: Kysely<Database>, streams: readonly StreamRef[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  const idsByType = new Map<string, Set<string>>();
  for (const s of streams) {
    let ids = idsByType.get(s.type);
    if (!ids) idsByType.set(s.type, (ids = new Set()));
    ids.add(s.id);
  }
  // Per stream type, so the look-up uses the (stream_type, stream_id, version) unique index.
  for (const [type, idSet] of idsByType) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += IN_LIST_CHUNK) {
      const rows = await db
        .selectFrom('events')
        .select((eb) => ['stream_id', eb.fn.max('version').as('v')])
        .where('stream_type', '=', type)
        .where('stream_id', 'in', ids.slice(i, i + IN_LIST_CHUNK))
        .groupBy('stream_id')
        .execute();
      for (const r of rows) versions.set(streamKey({ type, id: r.stream_id }), Number(r.v));
    }
  }
  return versions;
}

export const streamKey = (s: StreamRef) => `${s.type}\u0000${s.id}`;

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    position: Number(row.position),
    id: row.id,
    tenantId: row.tenant_id,
    streamType: row.stream_type,
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    payload: row.payload,
    metadata: row.metadata,
    idempotencyKey: row.idempotency_key,
    occurredAt: new Date(row.occurred_at),
    recordedAt: new Date(row.recorded_at),
  };
}
