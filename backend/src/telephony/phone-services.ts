import type { Kysely } from 'kysely';
import type { StreamAdmission } from '../calls/admission.js';
import type { CallLifecycle } from '../calls/call-lifecycle.js';
import type { Database } from '../storage/schema.js';
import type { AccessCodeResolver } from '../tenancy/access-code-resolver.js';
import type { KeyedHasher } from '../tenancy/access-hash.js';
import type { GateLockouts } from './gate-lockouts.js';

/** What the Twilio routes use, built once the database is migrated and the secret loaded. */
export interface PhoneServices {
  hasher: KeyedHasher;
  resolver: AccessCodeResolver;
  lockouts: GateLockouts;
  lifecycle: CallLifecycle;
  admission: StreamAdmission;
  gateFailuresSoFar(callSid: string): Promise<number>;
}

export function gateFailuresReader(db: Kysely<Database>) {
  return async (callSid: string): Promise<number> => {
    const row = await db.selectFrom('calls').select('gate_failures').where('call_sid', '=', callSid).executeTakeFirst();
    return row?.gate_failures ?? 0;
  };
}
