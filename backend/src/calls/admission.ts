import { Counter, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { ActorMode, TenantMode } from '../policy/modes.js';
import type { Tenant } from '../tenancy/tenant.js';
import type { Admission, CallContext } from '../voice/call-context.js';
import { afterHoursWording } from './after-hours.js';
import { NO_CALL_CONTROL } from './call-control-settings.js';
import type { CallControl } from './call-control.js';
import type { CallLifecycle } from './call-lifecycle.js';
import type { CallReads } from './call-reads.js';
import { issueStreamToken, verifyStreamToken, type Signer } from './stream-token.js';
import type { StreamTokenStore } from './stream-token-store.js';
import type { ToolRouter } from './tool-router.js';

export interface AdmissionDeps {
  sign: Signer;
  tokens: StreamTokenStore;
  tenant(id: string): Promise<Tenant | undefined>;
  router: ToolRouter;
  lifecycle: CallLifecycle;
  calls: CallReads;
  /** Transfer numbers, hours and actions (issue 13); absent = none of them. */
  control?: CallControl;
  metrics: Registry;
  log: Logger;
  now?: () => number;
}

/** Contract §10: offered only when the tenant has a transfer number. */
const TRANSFER_TOOL = 'transfer_call';

export interface StreamGrant {
  tenantId: string;
  actorMode: ActorMode;
  tenantMode: TenantMode;
  callSid: string;
}

/**
 * Issues the per-call stream token (telephony) and admits the media stream that presents it
 * (Flow A's upgrade). Admission verifies the MAC and expiry, consumes the nonce once across
 * instances, loads the tenant, decides policy once, and builds the CallContext.
 */
export class StreamAdmission {
  readonly #d: AdmissionDeps;
  readonly #now: () => number;
  readonly #outcomes: Counter<'outcome' | 'reason'>;

  constructor(deps: AdmissionDeps) {
    this.#d = deps;
    this.#now = deps.now ?? Date.now;
    this.#outcomes = new Counter({
      name: 'voz_stream_admissions_total',
      help: 'Media stream admissions by outcome and refusal reason',
      labelNames: ['outcome', 'reason'],
      registers: [deps.metrics],
    });
  }

  issue(g: StreamGrant): string {
    return issueStreamToken(this.#d.sign, { tenant_id: g.tenantId, actor_mode: g.actorMode, tenant_mode: g.tenantMode, rid: g.callSid }, this.#now()).token;
  }

  readonly admit = async (token: string): Promise<Admission> => {
    const checked = verifyStreamToken(this.#d.sign, token, this.#now());
    if (!checked.ok) return this.#refuse(checked.reason);
    const c = checked.claims;
    // Twilio signatures carry no timestamp: a replayed webhook mints a fresh token. A call that
    // Twilio already reported over cannot take a stream, whatever token it shows.
    const facts = await this.#d.calls.streamFacts(c.rid);
    if (facts.ended) return this.#refuse('call_ended');
    if (!(await this.#d.tokens.consume(c.nonce, c.rid, new Date(c.exp)))) return this.#refuse('replayed');
    const tenant = await this.#d.tenant(c.tenant_id);
    if (!tenant) return this.#refuse('unknown_tenant');
    // Suspended between the webhook and the stream: no session.
    if (tenant.status === 'suspended') return this.#refuse('tenant_suspended');

    const decision = this.#d.router.decide(tenant, c.actor_mode);
    const log = this.#d.log.child({ callSid: c.rid, tenantId: tenant.id, actorMode: decision.actorMode, tenantMode: c.tenant_mode });
    const control = this.#d.control;
    const settings = control ? await control.settingsFor(tenant) : NO_CALL_CONTROL;
    // Decided once: transfer is offered only where the tenant has a number to transfer to.
    const offered = settings.transferNumbers.length > 0 ? decision.allowedTools : decision.allowedTools.filter((t) => t !== TRANSFER_TOOL);
    const wording = settings.open === false ? afterHoursWording(decision, tenant.displayName, settings.afterHours) : decision;
    const { callerNumber, calledNumber } = facts;
    const [tools] = await Promise.all([
      this.#d.router.toolSpecs(offered, tenant),
      this.#d.lifecycle.connected({ callSid: c.rid, tenantId: tenant.id, actorMode: decision.actorMode, tenantMode: c.tenant_mode }),
    ]);
    void this.#d.tokens.prune(new Date(this.#now())).catch(() => undefined);

    const router = this.#d.router;
    const lifecycle = this.#d.lifecycle;
    const context: CallContext = {
      tenantId: tenant.id,
      actorMode: decision.actorMode,
      tenantMode: c.tenant_mode,
      callSid: c.rid,
      ...(callerNumber ? { callerNumber } : {}),
      instructions: wording.instructions,
      greeting: wording.greeting,
      voice: decision.voice ?? '',
      tools,
      invokeTool: (name, args, meta) =>
        router.invoke(name, args, {
          tenant,
          actorMode: decision.actorMode,
          source: 'voice',
          callSid: c.rid,
          ...(callerNumber ? { callerNumber } : {}),
          signal: meta.signal,
          ...(meta.utterance ? { utterance: meta.utterance } : {}),
          log,
        }),
      ...(control
        ? {
            act: (action) => control.act({ tenant, callSid: c.rid, actorMode: decision.actorMode, settings, calledNumber: calledNumber ?? null, callerNumber: callerNumber ?? null }, action),
          }
        : {}),
      onActionCancelled: (action) => {
        const cancelled = { callSid: c.rid, tenantId: tenant.id, actorMode: decision.actorMode, reason: action.reason, cause: 'barge_in' as const };
        void lifecycle.actionCancelled(action.kind, cancelled).catch((err: unknown) => log.error({ event: 'call_action_cancel_failed', err }, 'could not record the cancelled call action'));
      },
      onCallEnded: (record) => {
        // Off the audio loop: one append, errors logged (never thrown into the session).
        void lifecycle.recorded(record).catch((err: unknown) => log.error({ event: 'call_record_failed', err }, 'could not write the call record'));
      },
      log,
    };
    this.#outcomes.inc({ outcome: 'admitted', reason: '' });
    log.info({ event: 'stream_admitted', tools: offered, open: settings.open }, 'media stream admitted');
    return { ok: true, claims: { tenantId: tenant.id, actorMode: c.actor_mode, tenantMode: c.tenant_mode, callSid: c.rid }, context };
  };

  #refuse(reason: string): Admission {
    this.#outcomes.inc({ outcome: 'refused', reason });
    return { ok: false, reason };
  }
}
