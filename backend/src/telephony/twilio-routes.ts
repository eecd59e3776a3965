import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { AccessGate } from '../calls/access-gate.js';
import type { StreamGrant } from '../calls/admission.js';
import { FINAL_CALL_STATUSES, type CallLifecycle } from '../calls/call-lifecycle.js';
import type { ActorMode, TenantMode } from '../policy/modes.js';
import type { Tenant } from '../tenancy/tenant.js';
import { toE164 } from '../tenancy/tenant.js';
import { strictTwilioParams } from './twilio-params-hook.js';
import { twilioSignatureCheck } from './twilio-signature.js';
import { APOLOGY, BUSY_GOODBYE, GATE_GOODBYE, LOCKED_OUT_GOODBYE, SUSPENDED_MESSAGE, gateTwiml, mediaStreamUrl, rejectTwiml, sayAndHangup, streamTwiml } from './twiml.js';

const VOICE_PATH = '/twilio/voice';
const GATHER_PATH = '/twilio/gather';
/** Configure as the number's "call status changes" webhook (Twilio console / API `StatusCallback`). */
const STATUS_PATH = '/twilio/status';

export interface TwilioRouteDeps {
  publicBaseUrl: string;
  /** Every webhook must be signed with it; unset = local development, nothing checked. */
  twilioAuthToken: string | undefined;
  /** False without an OpenAI key: calls get the spoken apology instead of a stream. */
  assistantAvailable: boolean;
  tenantByNumber(e164: string): Promise<Tenant | undefined>;
  /** Read once the gate passes (a dedicated number's row comes with its number). */
  tenantById(tenantId: string): Promise<Tenant | undefined>;
  lifecycle: Pick<CallLifecycle, 'received' | 'ended'>;
  gate: Pick<AccessGate, 'arrive' | 'enter'>;
  /** Blocked caller (→ `<Reject>`) or over the tenant's concurrent-call cap (→ busy message); absent = always ok. */
  screen?(callSid: string, tenant: Tenant, from: string | null): Promise<'ok' | 'blocked' | 'busy'>;
  /** The single-use stream token for a routed call. */
  issueStreamToken(grant: StreamGrant): string;
  log: Logger;
}

type TwilioBody = Partial<Record<'CallSid' | 'From' | 'To' | 'Digits' | 'CallStatus' | 'CallDuration', string>>;

/**
 * The Twilio edge: incoming call, gate action, status callback. Parses the form, asks the call
 * domain (lifecycle, gate, admission) what happens, answers in TwiML built by twiml.ts.
 */
export const twilioRoutes: FastifyPluginAsync<TwilioRouteDeps> = async (app, deps) => {
  const gatherUrl = `${deps.publicBaseUrl}${GATHER_PATH}`;
  app.addHook('preHandler', twilioSignatureCheck(deps.twilioAuthToken, deps.publicBaseUrl));
  strictTwilioParams(app, { incomingCallPaths: [VOICE_PATH] });

  const xml = (reply: FastifyReply, twiml: string) => reply.code(200).type('text/xml').send(twiml);
  const badRequest = (reply: FastifyReply) => reply.code(400).send({ error: 'bad_request', message: 'CallSid is required' });
  /** E.164 when Twilio sent a number, else its raw value (e.g. `anonymous`), else null. */
  const caller = (body: TwilioBody) => toE164(body.From) ?? body.From ?? null;

  /**
   * Stream TwiML (token in the URL); the polite goodbye for a suspended tenant; `<Reject>`/busy
   * after screening; the apology when no model is configured.
   */
  const connect = async (callSid: string, from: string | null, tenant: Tenant, actorMode: ActorMode, tenantMode: TenantMode): Promise<string> => {
    const tenantId = tenant.id;
    if (tenant.status === 'suspended') return suspended(callSid, tenantId);
    const screened = deps.screen ? await deps.screen(callSid, tenant, from) : 'ok';
    if (screened === 'blocked') return rejectTwiml();
    if (screened === 'busy') return sayAndHangup(BUSY_GOODBYE);
    if (!deps.assistantAvailable) {
      deps.log.warn({ event: 'call_not_bridged', callSid, tenantId, reason: 'no_api_key' }, 'no OpenAI key: apology and hang up');
      return sayAndHangup(APOLOGY);
    }
    const token = deps.issueStreamToken({ tenantId, actorMode, tenantMode, callSid });
    deps.log.info({ event: 'call_routed', callSid, tenantId, actorMode, tenantMode }, 'call routed to stream');
    return streamTwiml(mediaStreamUrl(deps.publicBaseUrl, token), { tenant_id: tenantId, actor_mode: actorMode, tenant_mode: tenantMode, rid: callSid });
  };

  /** A suspended tenant's call: the polite message and a hang-up, never a stream. */
  const suspended = (callSid: string, tenantId: string): string => {
    deps.log.info({ event: 'call_not_bridged', callSid, tenantId, reason: 'tenant_suspended' }, 'tenant suspended: message and hang up');
    return sayAndHangup(SUSPENDED_MESSAGE);
  };

  app.post<{ Body: TwilioBody }>(VOICE_PATH, async (req, reply) => {
    const callSid = req.body?.CallSid;
    if (!callSid) return badRequest(reply);
    const to = toE164(req.body.To);
    const from = caller(req.body);
    const tenant = to ? await deps.tenantByNumber(to) : undefined;
    await deps.lifecycle.received({ callSid, from, to: to ?? req.body.To ?? null, tenantId: tenant?.id ?? null, tenantMode: tenant ? 'dedicated' : 'shared' });
    if (tenant) return xml(reply, await connect(callSid, from, tenant, 'client', 'dedicated'));
    const arrival = await deps.gate.arrive(callSid, from);
    return xml(reply, arrival.kind === 'locked_out' ? sayAndHangup(LOCKED_OUT_GOODBYE) : gateTwiml(gatherUrl));
  });

  app.post<{ Body: TwilioBody }>(GATHER_PATH, async (req, reply) => {
    const callSid = req.body?.CallSid;
    if (!callSid) return badRequest(reply);
    const entry = await deps.gate.enter(callSid, caller(req.body), (req.body.Digits ?? '').trim());
    switch (entry.kind) {
      case 'passed': {
        const tenant = await deps.tenantById(entry.tenantId);
        // The resolver only passes codes of known tenants; one deleted since is as good as suspended.
        if (!tenant) return xml(reply, suspended(callSid, entry.tenantId));
        return xml(reply, await connect(callSid, caller(req.body), tenant, entry.actorMode, 'shared'));
      }
      case 'retry':
        return xml(reply, gateTwiml(gatherUrl, true));
      case 'goodbye':
        return xml(reply, sayAndHangup(GATE_GOODBYE));
      case 'locked_out':
        return xml(reply, sayAndHangup(LOCKED_OUT_GOODBYE));
    }
  });

  app.post<{ Body: TwilioBody }>(STATUS_PATH, async (req, reply) => {
    const callSid = req.body?.CallSid;
    const status = req.body?.CallStatus ?? '';
    if (callSid && FINAL_CALL_STATUSES.has(status)) {
      const duration = Number(req.body.CallDuration);
      await deps.lifecycle.ended({ callSid, status, durationSeconds: Number.isFinite(duration) && req.body.CallDuration !== undefined ? duration : null });
      deps.log.info({ event: 'call_status', callSid, status }, 'call ended');
    }
    return reply.code(204).send();
  });
};
