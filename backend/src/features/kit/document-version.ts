import { etagOf, versionOfIfMatch } from '@vozlia/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StaleDocumentError } from '../../server/errors.js';
import { appendOverClaimedVersion } from '../../storage/claimed-version.js';
import type { AppendRequest, StreamRef } from '../../storage/events.js';
import type { FeatureEvents } from '../types.js';

/**
 * Optimistic concurrency for a document a feature keeps on a stream of its own (the menu, the
 * catalog). GET and PUT answer the stream's version as an `ETag`; a PUT that sends it back in
 * `If-Match` is refused with 412 when the document changed in between, so two people editing it
 * never silently overwrite each other. A PUT without `If-Match` replaces the document, as before.
 */
export interface VersionedDocument<T> {
  /** Answers the document with its `ETag` (the version is read first: a write in between can only make the tag older, which errs towards a 412). */
  send(reply: FastifyReply, read: () => Promise<T>): Promise<T>;
  /** Appends at the version `If-Match` names, if any; any other version is a 412. */
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
      if ((await appendOverClaimedVersion(events, { ...append, stream }, versionOfIfMatch(req.headers['if-match']))) === 'stale') throw new StaleDocumentError(what);
    },
  };
}
