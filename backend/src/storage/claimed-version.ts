import type { EventStore } from './event-store.js';
import { ConcurrencyError, type AppendRequest, type AppendResult } from './events.js';

/**
 * Appends at the version a client says it read (an HTTP `If-Match`), or at the end when it names
 * none (undefined); 'stale' when the stream has moved on, or the tag named no version at all
 * (null), with nothing written. The store's append at a given
 * version does not look (its own callers read the version), so one from outside is first checked
 * not to be ahead of the stream: versions only grow, and a write in between then loses on the
 * stream's unique version key.
 */
export async function appendOverClaimedVersion(
  events: Pick<EventStore, 'append' | 'streamVersion'>,
  req: Omit<AppendRequest, 'expectedVersion'>,
  claimed: number | null | undefined,
): Promise<AppendResult | 'stale'> {
  if (claimed === undefined) return events.append(req);
  if (claimed === null || claimed > (await events.streamVersion(req.stream))) return 'stale';
  try {
    return await events.append({ ...req, expectedVersion: claimed === 0 ? 'no_stream' : claimed });
  } catch (err) {
    if (err instanceof ConcurrencyError) return 'stale';
    throw err;
  }
}
