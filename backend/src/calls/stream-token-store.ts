import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import './tables.js';

/** Used nonces are kept a while past expiry, then pruned. */
const PRUNE_AFTER_MS = 60 * 60_000;
/** Admission asks on every call; a delete per call was a steady share of call setup, once a minute is plenty. */
const PRUNE_EVERY_MS = 60_000;

/**
 * Single use across instances: a nonce is consumed by inserting it under a unique key, and a call
 * takes one stream (its sid is unique too), so a replayed webhook's fresh token cannot join it.
 */
export class StreamTokenStore {
  readonly #db: Kysely<Database>;
  #lastPruneAt = Number.NEGATIVE_INFINITY;
  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** True the first time a nonce is consumed for a call that has no stream yet; false on any replay. */
  async consume(nonce: string, callSid: string, expiresAt: Date): Promise<boolean> {
    const row = await this.#db
      .insertInto('stream_token_uses')
      .values({ nonce, call_sid: callSid, expires_at: expiresAt })
      .onConflict((oc) => oc.doNothing())
      .returning('nonce')
      .executeTakeFirst();
    return row !== undefined;
  }

  async prune(now: Date): Promise<void> {
    if (now.getTime() - this.#lastPruneAt < PRUNE_EVERY_MS) return;
    this.#lastPruneAt = now.getTime();
    await this.#db.deleteFrom('stream_token_uses').where('expires_at', '<', new Date(now.getTime() - PRUNE_AFTER_MS)).execute();
  }
}
