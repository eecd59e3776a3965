import type { Logger } from 'pino';
import type { ActorMode } from '../policy/modes.js';
import type { Resolution } from '../tenancy/access-code-resolver.js';
import { shortHash } from '../tenancy/access-hash.js';
import type { CallLifecycle } from './call-lifecycle.js';
import type { CallReads } from './call-reads.js';
import type { GateLockouts } from './gate-lockouts.js';

/** Failed tries in one call before the gate says goodbye. */
export const GATE_TRIES_PER_CALL = 3;

export type GateArrival = { kind: 'prompt' } | { kind: 'locked_out' };
export type GateEntry = { kind: 'passed'; tenantId: string; actorMode: ActorMode } | { kind: 'retry' } | { kind: 'goodbye' } | { kind: 'locked_out' };

export interface AccessGateDeps {
  resolve(code: string): Promise<Resolution>;
  /** Keyed hash of the caller's number: lockouts never store the number. */
  callerHash(from: string): string;
  lockouts: GateLockouts;
  lifecycle: CallLifecycle;
  calls: CallReads;
  clock: () => Date;
  log: Logger;
}

/**
 * The shared line's access gate as decisions: who is prompted, whose code passes, when a caller
 * is told goodbye or locked out. Records each step on the call's stream; the Twilio edge only
 * turns the outcome into TwiML. `from` is the caller's number as Twilio gave it, or null.
 */
export class AccessGate {
  readonly #d: AccessGateDeps;
  constructor(deps: AccessGateDeps) {
    this.#d = deps;
  }

  async arrive(callSid: string, from: string | null): Promise<GateArrival> {
    const until = await this.#d.lockouts.lockedUntil(this.#caller(from), this.#d.clock());
    if (until) return this.#lockedOut(callSid, until);
    this.#d.log.info({ event: 'gate_prompted', callSid }, 'shared line: access gate');
    return { kind: 'prompt' };
  }

  /** The caller entered `digits` ('' = silence). */
  async enter(callSid: string, from: string | null, digits: string): Promise<GateEntry> {
    const now = this.#d.clock();
    const callerHash = this.#caller(from);
    const already = await this.#d.lockouts.lockedUntil(callerHash, now);
    if (already) return this.#lockedOut(callSid, already);

    const resolution = digits === '' ? null : await this.#d.resolve(digits);
    if (resolution?.ok) {
      const code = shortHash(resolution.codeHash);
      await this.#d.lifecycle.gatePassed({ callSid, tenantId: resolution.tenantId, actorMode: resolution.actorMode, code });
      this.#d.log.info({ event: 'gate_passed', callSid, code, tenantId: resolution.tenantId, actorMode: resolution.actorMode }, 'access code accepted');
      return { kind: 'passed', tenantId: resolution.tenantId, actorMode: resolution.actorMode };
    }

    // Silence counts as a try in this call but not toward the caller's lockout.
    const lockedUntil = resolution ? await this.#d.lockouts.recordFailure(callerHash, now) : null;
    const attempt = (await this.#d.calls.gateFailures(callSid)) + 1;
    const code = resolution?.codeHash ? shortHash(resolution.codeHash) : null;
    const reason = resolution ? resolution.reason : 'no_input';
    await this.#d.lifecycle.gateFailed({ callSid, attempt, reason, code });
    this.#d.log.info({ event: 'gate_failed', callSid, attempt, reason, code }, 'access code refused');
    if (lockedUntil) return this.#lockedOut(callSid, lockedUntil);
    return attempt >= GATE_TRIES_PER_CALL ? { kind: 'goodbye' } : { kind: 'retry' };
  }

  #caller(from: string | null): string {
    return this.#d.callerHash(from ?? 'unknown');
  }

  async #lockedOut(callSid: string, until: Date): Promise<{ kind: 'locked_out' }> {
    await this.#d.lifecycle.lockedOut({ callSid, lockedUntil: until.toISOString() });
    this.#d.log.warn({ event: 'gate_locked_out', callSid }, 'caller locked out at the gate');
    return { kind: 'locked_out' };
  }
}
