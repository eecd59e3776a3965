import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { ActorMode, TenantMode } from '../policy/modes.js';
import { shortHash } from '../tenancy/access-hash.js';
import { toE164 } from '../tenancy/tenant.js';
import type { TenantRepository } from '../tenancy/tenant-repository.js';
import { FINAL_CALL_STATUSES } from '../calls/call-lifecycle.js';
import type { PhoneServices } from './phone-services.js';
import { twilioSignatureCheck } from './twilio-signature.js';
import { APOLOGY, GATE_GOODBYE, LOCKED_OUT_GOODBYE, gateTwiml, mediaStreamUrl, sayAndHangup, streamTwiml } from './twiml.js';

/** Failed tries in one call before the gate says goodbye. */
export const GATE_TRIES_PER_CALL = 3;
export const VOICE_PATH = '/twilio/voice';
export const GATHER_PATH = '/twilio/gather';
/** Configure as the number's "call status changes" webhook (Twilio console / API `StatusCallback`). */
export const STATUS_PATH = '/twilio/status';

export interface TwilioRouteDeps {
  config: Config;
  tenants: TenantRepository;
  /** Ready once the server has started (secret loaded, resolver built). */
  services(): PhoneServices;
  clock: () => Date;
  log: Logger;
}

type TwilioBody = Partial<Record<'CallSid' | 'From' | 'To' | 'Digits' | 'CallStatus' | 'CallDuration', string>>;

/** The Twilio edge: incoming call, gate action, status callback. TwiML only via the builder. */
export const twilioRoutes: FastifyPluginAsync<TwilioRouteDeps> = async (app, deps) => {
  const { config } = deps;
  const gatherUrl = `${config.publicBaseUrl}${GATHER_PATH}`;
  app.addHook('preHandler', twilioSignatureCheck(config.twilioAuthToken, config.publicBaseUrl));

  const xml = (reply: FastifyReply, twiml: string) => reply.code(200).type('text/xml').send(twiml);

  /** Stream TwiML (token in the URL), or the apology when no model is configured. */
  const connect = (callSid: string, tenantId: string, actorMode: ActorMode, tenantMode: TenantMode): string => {
    if (!config.openai.apiKey) {
      deps.log.warn({ event: 'call_not_bridged', callSid, tenantId, reason: 'no_api_key' }, 'no OpenAI key: apology and hang up');
      return sayAndHangup(APOLOGY);
    }
    const token = deps.services().admission.issue({ tenantId, actorMode, tenantMode, callSid });
    deps.log.info({ event: 'call_routed', callSid, tenantId, actorMode, tenantMode }, 'call routed to stream');
    return streamTwiml(mediaStreamUrl(config.publicBaseUrl, token), { tenant_id: tenantId, actor_mode: actorMode, tenant_mode: tenantMode, rid: callSid });
  };

  const lockedOut = async (callSid: string, until: Date): Promise<string> => {
    await deps.services().lifecycle.lockedOut({ callSid, lockedUntil: until.toISOString() });
    deps.log.warn({ event: 'gate_locked_out', callSid }, 'caller locked out at the gate');
    return sayAndHangup(LOCKED_OUT_GOODBYE);
  };

  app.post<{ Body: TwilioBody }>(VOICE_PATH, async (req, reply) => {
    const s = deps.services();
    const callSid = req.body?.CallSid;
    if (!callSid) return reply.code(400).send({ error: 'bad_request', message: 'CallSid is required' });
    const to = toE164(req.body.To);
    const from = toE164(req.body.From) ?? req.body.From ?? null;
    const tenant = to ? await deps.tenants.byPhoneNumber(to) : undefined;
    await s.lifecycle.received({ callSid, from, to: to ?? req.body.To ?? null, tenantId: tenant?.id ?? null, tenantMode: tenant ? 'dedicated' : 'shared' });
    if (tenant) return xml(reply, connect(callSid, tenant.id, 'client', 'dedicated'));

    const until = await s.lockouts.lockedUntil(s.hasher.caller(from ?? 'unknown'), deps.clock());
    if (until) return xml(reply, await lockedOut(callSid, until));
    deps.log.info({ event: 'gate_prompted', callSid }, 'shared line: access gate');
    return xml(reply, gateTwiml(gatherUrl));
  });

  app.post<{ Body: TwilioBody }>(GATHER_PATH, async (req, reply) => {
    const s = deps.services();
    const callSid = req.body?.CallSid;
    if (!callSid) return reply.code(400).send({ error: 'bad_request', message: 'CallSid is required' });
    const now = deps.clock();
    const callerHash = s.hasher.caller(toE164(req.body.From) ?? req.body.From ?? 'unknown');
    const already = await s.lockouts.lockedUntil(callerHash, now);
    if (already) return xml(reply, await lockedOut(callSid, already));

    const digits = (req.body.Digits ?? '').trim();
    const resolution = digits === '' ? null : await s.resolver.resolve(digits);
    if (resolution?.ok) {
      const code = shortHash(resolution.codeHash);
      await s.lifecycle.gatePassed({ callSid, tenantId: resolution.tenantId, actorMode: resolution.actorMode, code });
      deps.log.info({ event: 'gate_passed', callSid, code, tenantId: resolution.tenantId, actorMode: resolution.actorMode }, 'access code accepted');
      return xml(reply, connect(callSid, resolution.tenantId, resolution.actorMode, 'shared'));
    }

    // Silence counts as a try in this call but not toward the caller's lockout.
    const lockedUntil = resolution ? await s.lockouts.recordFailure(callerHash, now) : null;
    const attempt = (await s.gateFailuresSoFar(callSid)) + 1;
    const code = resolution?.codeHash ? shortHash(resolution.codeHash) : null;
    const reason = resolution ? resolution.reason : 'no_input';
    await s.lifecycle.gateFailed({ callSid, attempt, reason, code });
    deps.log.info({ event: 'gate_failed', callSid, attempt, reason, code }, 'access code refused');
    if (lockedUntil) return xml(reply, await lockedOut(callSid, lockedUntil));
    if (attempt >= GATE_TRIES_PER_CALL) return xml(reply, sayAndHangup(GATE_GOODBYE));
    return xml(reply, gateTwiml(gatherUrl, true));
  });

  app.post<{ Body: TwilioBody }>(STATUS_PATH, async (req, reply) => {
    const callSid = req.body?.CallSid;
    const status = req.body?.CallStatus ?? '';
    if (callSid && FINAL_CALL_STATUSES.has(status)) {
      const duration = Number(req.body.CallDuration);
      await deps.services().lifecycle.ended({ callSid, status, durationSeconds: Number.isFinite(duration) && req.body.CallDuration !== undefined ? duration : null });
      deps.log.info({ event: 'call_status', callSid, status }, 'call ended');
    }
    return reply.code(204).send();
  });
};
