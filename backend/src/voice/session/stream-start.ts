import type { StreamClaims } from '../call-context.js';
import type { TwilioInbound } from '../twilio-wire.js';

/**
 * Twilio's `start` must name what the stream token granted (tenant, actor and tenant modes, the
 * call) in its custom parameters and its call sid; anything else is a stream someone replayed
 * or forged, and the call ends.
 */
export function startMatchesClaims(start: Extract<TwilioInbound, { kind: 'start' }>, claims: StreamClaims): boolean {
  const p = start.customParameters;
  return (
    p['tenant_id'] === claims.tenantId &&
    p['actor_mode'] === claims.actorMode &&
    p['tenant_mode'] === claims.tenantMode &&
    p['rid'] === claims.callSid &&
    start.callSid === claims.callSid
  );
}
