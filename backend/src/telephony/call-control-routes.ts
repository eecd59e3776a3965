import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { CallControl } from '../calls/call-control.js';
import { CALL_CONTROL_PATHS, dialTwiml, hangupTwiml, MESSAGE_THANKS, messageTwiml, whisperTwiml } from './call-control-twiml.js';
import { strictTwilioParams } from './twilio-params-hook.js';
import { twilioSignatureCheck } from './twilio-signature.js';

export interface CallControlRouteDeps {
  publicBaseUrl: string;
  twilioAuthToken: string | undefined;
  control: Pick<CallControl, 'dialEnded' | 'messageRecorded' | 'owns'>;
  log: Logger;
}

/** What rides in the webhook URLs we gave Twilio (signed with the rest of the URL). */
const Query = z.object({
  t: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,62}$/),
  i: z.coerce.number().int().min(0).max(20).optional(),
  r: z.string().max(200).default(''),
  n: z.string().max(80).default(''),
});
type Body = Partial<Record<'CallSid' | 'DialCallStatus' | 'DialCallDuration' | 'RecordingUrl' | 'RecordingDuration', string>>;

const seconds = (raw: string | undefined): number | null => (raw !== undefined && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : null);

/**
 * The webhooks of a transfer: the `<Dial>` action (answered → hang up after; not answered →
 * the next number or the message recorder), the whisper played to the person answering, and
 * the recorder's action (the message is recorded; the owner is told by the call_control feature).
 */
export const callControlRoutes: FastifyPluginAsync<CallControlRouteDeps> = async (app, deps) => {
  app.addHook('preHandler', twilioSignatureCheck(deps.twilioAuthToken, deps.publicBaseUrl));
  // Shapes after the signature, before any handler records anything (as on every Twilio webhook).
  strictTwilioParams(app, { incomingCallPaths: [] });
  const xml = (reply: FastifyReply, twiml: string) => reply.code(200).type('text/xml').send(twiml);
  const bad = (reply: FastifyReply, message: string) => reply.code(400).send({ error: 'bad_request', message });
  const unknownCall = (reply: FastifyReply) => reply.code(404).send({ error: 'not_found', message: 'no such call for this tenant' });

  app.post<{ Body: Body; Querystring: Record<string, string> }>(CALL_CONTROL_PATHS.dial, async (req, reply) => {
    const q = Query.safeParse(req.query);
    const callSid = req.body?.CallSid;
    if (!q.success || q.data.i === undefined) return bad(reply, 'the dial URL is malformed');
    if (!callSid) return bad(reply, 'CallSid is required');
    if (!(await deps.control.owns(callSid, q.data.t))) return unknownCall(reply);
    const status = req.body.DialCallStatus ?? 'failed';
    const next = await deps.control.dialEnded({ callSid, tenantId: q.data.t, index: q.data.i, status, durationSeconds: seconds(req.body.DialCallDuration), reason: q.data.r, callerName: q.data.n || null });
    deps.log.info({ event: 'transfer_dial_ended', callSid, tenantId: q.data.t, index: q.data.i, status, next: next.kind }, 'transfer leg ended');
    if (next.kind === 'dial') return xml(reply, dialTwiml(deps.publicBaseUrl, next.step));
    if (next.kind === 'message') return xml(reply, messageTwiml(deps.publicBaseUrl, { tenantId: q.data.t, reason: next.reason }));
    return xml(reply, hangupTwiml());
  });

  app.post<{ Querystring: Record<string, string> }>(CALL_CONTROL_PATHS.whisper, async (req, reply) => {
    const said = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
    return xml(reply, whisperTwiml(said(req.query.r, 200), said(req.query.n, 80)));
  });

  app.post<{ Body: Body; Querystring: Record<string, string> }>(CALL_CONTROL_PATHS.recorded, async (req, reply) => {
    const q = Query.safeParse(req.query);
    const callSid = req.body?.CallSid;
    if (!q.success) return bad(reply, 'the recording URL is malformed');
    if (!callSid) return bad(reply, 'CallSid is required');
    if (!(await deps.control.owns(callSid, q.data.t))) return unknownCall(reply);
    const recordingUrl = req.body.RecordingUrl;
    if (!recordingUrl) return xml(reply, hangupTwiml());
    await deps.control.messageRecorded({ callSid, tenantId: q.data.t, recordingUrl, durationSeconds: seconds(req.body.RecordingDuration), reason: q.data.r });
    deps.log.info({ event: 'message_recorded', callSid, tenantId: q.data.t }, 'caller left a message');
    return xml(reply, hangupTwiml(MESSAGE_THANKS));
  });
};
