import type { ActorMode } from '../policy/modes.js';
import type { EventStore } from '../storage/event-store.js';
import { ACCESS_CODE_ISSUED, accessCodeStream, type AccessCodeIssued } from '../tenancy/access-code-events.js';
import type { KeyedHasher } from '../tenancy/access-hash.js';
import { SEED_META } from './demo-ports.js';

/** Contract §6. Listed in the README so a first call works; stored only as keyed hashes. */
export const DEMO_ACCESS_CODES: readonly { code: string; tenantId: string; actorMode: ActorMode }[] = [
  { code: '11112222', tenantId: 'demo_restaurant', actorMode: 'owner' },
  { code: '33334444', tenantId: 'demo_restaurant', actorMode: 'client' },
  { code: '55556666', tenantId: 'demo_barbershop', actorMode: 'owner' },
  { code: '77778888', tenantId: 'demo_barbershop', actorMode: 'client' },
];

/**
 * Issues the demo codes as events. The idempotency key carries a prefix of the hash, so a
 * restart seeds nothing twice while a changed server secret re-issues them under new hashes.
 */
export async function seedDemoAccessCodes(events: EventStore, hasher: KeyedHasher, at: Date = new Date()): Promise<number> {
  let issued = 0;
  for (const d of DEMO_ACCESS_CODES) {
    const codeHash = hasher.code(d.code);
    const payload: AccessCodeIssued = { codeHash, tenantId: d.tenantId, actorMode: d.actorMode, source: 'seed' };
    const r = await events.append({
      tenantId: d.tenantId,
      stream: accessCodeStream(d.tenantId, codeHash),
      events: [{ type: ACCESS_CODE_ISSUED, payload, idempotencyKey: `seed:access_code:${codeHash.slice(0, 16)}`, occurredAt: at, metadata: SEED_META }],
    });
    if (!r.duplicate) issued++;
  }
  return issued;
}
