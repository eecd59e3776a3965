import type { Logger } from 'pino';
import type { ActorMode } from '../policy/modes.js';
import type { Tenant } from '../tenancy/tenant.js';
import { toE164 } from '../tenancy/tenant.js';
import type { CallAction } from '../voice/call-context.js';
import type { CallControlSettings, CallControlSettingsSource } from './call-control-settings.js';
import type { CallLifecycle } from './call-lifecycle.js';
import type { CallReads } from './call-reads.js';

/** One leg of a transfer: ring `number` (the `index`-th transfer number) for the caller. */
export interface DialStep {
  tenantId: string;
  number: string;
  index: number;
  /** The business line the caller rang, shown to the person answering; null = Twilio's default. */
  callerId: string | null;
  reason: string;
  /** Said in the whisper to the person answering; null when unknown. */
  callerName: string | null;
}

/**
 * Taking the live call over through Twilio REST (implemented by telephony/: TwiML + the REST
 * client). Each resolves once Twilio accepted the update, and rejects when it refused.
 */
export interface CallRedirect {
  dial(callSid: string, step: DialStep): Promise<void>;
  takeMessage(callSid: string, p: { tenantId: string; reason: string }): Promise<void>;
  hangUp(callSid: string): Promise<void>;
}

/** What the Dial action webhook answers next. */
export type AfterDial = { kind: 'dial'; step: DialStep } | { kind: 'message'; reason: string } | { kind: 'done' };

export type Screening = { kind: 'ok'; settings: CallControlSettings } | { kind: 'blocked' } | { kind: 'busy' };

export interface CallControlDeps {
  settings: CallControlSettingsSource;
  tenant(id: string): Promise<Tenant | undefined>;
  lifecycle: Pick<CallLifecycle, 'blocked' | 'busy' | 'transferRequested' | 'transferCompleted' | 'transferUnanswered' | 'messageRecorded'>;
  calls: Pick<CallReads, 'callerNumber' | 'calledNumber' | 'activeCalls' | 'tenantOf'>;
  /** The name the tenant's contacts have for this number (the contacts feature); absent = none. */
  contactName?(tenantId: string, phone: string): Promise<string | null>;
  /** Null when Twilio REST is not configured (no `TWILIO_ACCOUNT_SID`): actions report false. */
  redirect: CallRedirect | null;
  /** Calls older than this are not counted as active (a call whose end was never reported). */
  maxCallSeconds: number;
  clock: () => Date;
  log: Logger;
}

/** Dial outcomes (Twilio's DialCallStatus) after which the next transfer number is tried. */
const NOT_ANSWERED = new Set(['no-answer', 'busy', 'failed', 'canceled']);

/**
 * Call control in the call domain: screening at the webhook (blocked numbers, the concurrency
 * cap), the call actions a session asks for (transfer, hang up), and the transfer's outcome
 * (next number, the message recorder, the recording). Each step is a call event.
 */
export class CallControl {
  readonly #d: CallControlDeps;

  constructor(deps: CallControlDeps) {
    this.#d = deps;
  }

  /** This tenant's settings for a call starting now. */
  settingsFor(tenant: Tenant): Promise<CallControlSettings> {
    return this.#d.settings(tenant, this.#d.clock());
  }

  /**
   * The caller's name as the business knows it, for the whisper: read only when a transfer dials
   * and the caller gave none (out of band, after the handoff line), never per call. Never throws.
   */
  async callerName(tenantId: string, from: string | null | undefined): Promise<string | null> {
    const phone = toE164(from ?? undefined);
    const lookup = this.#d.contactName;
    if (!phone || !lookup) return null;
    try {
      return (await lookup(tenantId, phone))?.trim().slice(0, 80) || null;
    } catch (err) {
      this.#d.log.warn({ event: 'caller_name_failed', tenantId, err }, 'caller name lookup failed; the whisper goes without it');
      return null;
    }
  }

  /** At the webhook, before any stream: a blocked caller, or over the tenant's cap. */
  async screen(callSid: string, tenant: Tenant, from: string | null): Promise<Screening> {
    const settings = await this.settingsFor(tenant);
    const caller = toE164(from ?? undefined) ?? from;
    if (settings.isBlocked(caller)) {
      await this.#d.lifecycle.blocked({ callSid, tenantId: tenant.id });
      this.#d.log.info({ event: 'call_blocked', callSid, tenantId: tenant.id }, 'blocked caller rejected');
      return { kind: 'blocked' };
    }
    const cap = settings.maxConcurrentCalls;
    if (cap !== null) {
      const since = new Date(this.#d.clock().getTime() - this.#d.maxCallSeconds * 1000);
      const active = await this.#d.calls.activeCalls(tenant.id, since);
      if (active >= cap) {
        await this.#d.lifecycle.busy({ callSid, tenantId: tenant.id, active, cap });
        this.#d.log.info({ event: 'call_busy', callSid, tenantId: tenant.id, active, cap }, 'over the concurrent-call cap');
        return { kind: 'busy' };
      }
    }
    return { kind: 'ok', settings };
  }

  /**
   * A session's action, once its line has played: true when Twilio took the call over. Everything
   * it needs was decided at admission (settings, the number rung), so the REST update goes out at
   * once; the event is appended after it (the caller is waiting on the former, not the latter).
   */
  async act(
    call: { tenant: Tenant; callSid: string; actorMode: ActorMode; settings: CallControlSettings; calledNumber: string | null; callerNumber: string | null },
    action: CallAction,
  ): Promise<boolean> {
    const redirect = this.#d.redirect;
    const log = this.#d.log.child({ callSid: call.callSid, tenantId: call.tenant.id });
    try {
      if (action.kind === 'hang_up') {
        if (!redirect) return false;
        await redirect.hangUp(call.callSid);
        return true;
      }
      const numbers = call.settings.transferNumbers;
      const route = call.settings.open === false ? 'message' : 'dial';
      if (!redirect || (route === 'dial' && numbers.length === 0)) {
        log.warn({ event: 'transfer_unavailable', configured: Boolean(redirect), numbers: numbers.length }, 'transfer not possible');
        return false;
      }
      if (route === 'message') await redirect.takeMessage(call.callSid, { tenantId: call.tenant.id, reason: action.reason });
      else {
        // A name the caller gave in this call wins over the one on file.
        const callerName = action.callerName ?? (await this.callerName(call.tenant.id, call.callerNumber));
        await redirect.dial(call.callSid, dialStep(call.tenant.id, numbers, 0, { reason: action.reason, callerName }, call.calledNumber));
      }
      log.info({ event: 'transfer_started', route }, 'call handed to Twilio');
      await this.#d.lifecycle.transferRequested({ callSid: call.callSid, tenantId: call.tenant.id, actorMode: call.actorMode, reason: action.reason, route, numbers: numbers.length });
      return true;
    } catch (err) {
      log.error({ event: 'call_action_failed', action: action.kind, err }, 'Twilio refused the call update');
      return false;
    }
  }

  /** The Dial action webhook: answered → done; not answered → the next number, or the message recorder. */
  async dialEnded(p: { callSid: string; tenantId: string; index: number; status: string; durationSeconds: number | null; reason: string; callerName: string | null }): Promise<AfterDial> {
    if (p.status === 'completed' || p.status === 'answered') {
      await this.#d.lifecycle.transferCompleted({ callSid: p.callSid, tenantId: p.tenantId, index: p.index, durationSeconds: p.durationSeconds });
      return { kind: 'done' };
    }
    const tenant = await this.#d.tenant(p.tenantId);
    const settings = tenant ? await this.settingsFor(tenant) : null;
    const numbers = settings?.transferNumbers ?? [];
    const next = p.index + 1;
    if (NOT_ANSWERED.has(p.status) && next < numbers.length && settings?.open !== false) {
      return { kind: 'dial', step: dialStep(p.tenantId, numbers, next, p, (await this.#d.calls.calledNumber(p.callSid)) ?? null) };
    }
    await this.#d.lifecycle.transferUnanswered({ callSid: p.callSid, tenantId: p.tenantId, status: p.status, tried: p.index + 1 });
    return { kind: 'message', reason: p.reason };
  }

  /** The recorder's action webhook: the message is recorded (the call_control feature tells the owner). */
  async messageRecorded(p: { callSid: string; tenantId: string; recordingUrl: string; durationSeconds: number | null; reason: string }): Promise<void> {
    const from = (await this.#d.calls.callerNumber(p.callSid)) ?? null;
    await this.#d.lifecycle.messageRecorded({ ...p, from });
  }

  /** The webhook's tenant is the call's own (a URL naming another tenant is refused). */
  async owns(callSid: string, tenantId: string): Promise<boolean> {
    return (await this.#d.calls.tenantOf(callSid)) === tenantId;
  }
}

/** The `index`-th transfer number, shown the business line the caller rang (when it is a number). */
function dialStep(tenantId: string, numbers: readonly string[], index: number, said: Pick<DialStep, 'reason' | 'callerName'>, calledNumber: string | null): DialStep {
  return { tenantId, number: numbers[index]!, index, callerId: toE164(calledNumber ?? undefined) ?? null, reason: said.reason, callerName: said.callerName || null };
}
