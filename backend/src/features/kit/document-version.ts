import { etagOf, staleMessage, versionOfIfMatch } from '@vozlia/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../server/errors.js';
import { ConcurrencyError, type AppendRequest, type ExpectedVersion, type StreamRef } from '../../storage/events.js';
import type { FeatureEvents } from '../types.js';

/**
 * Optimistic concurrency for a document a feature keeps on a stream of its own (the menu, the
 * catalog). GET and PUT answer the stream's version as an `ETag`; a PUT that sends it back in
 * `If-Match` is refused with 412 when the document changed in between, so two people editing it
 * never silently overwrite each other. A PUT without `If-Match` replaces the document, as before.
 */
export class StaleDocumentError extends AppError {
  constructor(what: string) {
    super('stale', staleMessage(what), 412);
  }
}

/** `If-Match` → the version a write expects; undefined = no precondition. A tag naming no version of ours matches nothing. */
export function expectedVersionOf(ifMatch: string | undefined, what: string): ExpectedVersion | undefined {
  const version = versionOfIfMatch(ifMatch);
  if (version === null) throw new StaleDocumentError(what);
  return version === 0 ? 'no_stream' : version;
}

export interface VersionedDocument<T> {
  /** Answers the document with its `ETag` (the version is read first: a write in between can only make the tag older, which errs towards a 412). */
  send(reply: FastifyReply, read: () => Promise<T>): Promise<T>;
  /** Appends at the version `If-Match` names, if any; a different version is a 412. */
  append(req: FastifyRequest, append: Omit<AppendRequest, 'stream' | 'expectedVersion'>): Promise<void>;
}

export function versionedDocument<T>(events: Pick<FeatureEvents, 'append' | 'streamVersion'>, stream: StreamRef, what: string): VersionedDocument<T> {
  return {
    async send(reply, read) {
      const version = await events.streamVersion(stream);
      const doc = await read();
      void reply.header('etag', etagOf(version)).header('cache-control', 'no-store');
      return doc;
    },
    async append(req, append) {
      const expectedVersion = expectedVersionOf(req.headers['if-match'], what);
      // The store appends at a version it is given without looking (its callers read it): a tag
      // from outside naming a version not reached yet would leave a gap. Versions only grow, so
      // one not above the current one here is safe to append at (a later race is a 412).
      if (typeof expectedVersion === 'number' && expectedVersion > (await events.streamVersion(stream))) throw new StaleDocumentError(what);
      try {
        await events.append({ ...append, stream, ...(expectedVersion === undefined ? {} : { expectedVersion }) });
      } catch (err) {
        if (err instanceof ConcurrencyError && expectedVersion !== undefined) throw new StaleDocumentError(what);
        throw err;
      }
    },
  };
}
