import websocket from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import type { WebSocket } from 'ws';
import type { MediaStreamDeps } from './call-context.js';
import { ActiveCalls } from './active-calls.js';
import { CallSession } from './call-session.js';
import { chimeFrames } from './chime-tone.js';
import { DialectState, dialectFor } from './dialects/dialect-state.js';
import { TwilioLeg } from './twilio-leg.js';

export type { MediaStreamDeps } from './call-context.js';

/** Hard cap enforced by ws itself (closes the socket); the soft cap `maxFrameBytes` only ignores. */
const WS_MAX_PAYLOAD_BYTES = 1024 * 1024;
const CLOSE_POLICY = 1008;
/** Signed tokens are longer than find-my-way's 100-char parameter limit: match a wildcard. */
const MAX_TOKEN_CHARS = 2048;

/**
 * `GET /twilio/media/:token` (WebSocket): admits the stream with the single-use token, then
 * runs one CallSession per stream. Registers @fastify/websocket itself unless the parent
 * already did. Register with the deps as options: `app.register(mediaStreamRoute, deps)`.
 */
export const mediaStreamRoute: FastifyPluginAsync<MediaStreamDeps> = async (app, deps) => {
  if (!app.hasDecorator('websocketServer')) {
    await app.register(websocket, { options: { maxPayload: WS_MAX_PAYLOAD_BYTES, perMessageDeflate: false } });
  }
  // Shared by every call of this process: what the server accepted, and the chime frames.
  const dialect = new DialectState(dialectFor(deps.options.dialect));
  const chime = deps.options.chime.enabled ? chimeFrames() : null;
  const sessions = deps.activeCalls ?? new ActiveCalls();

  app.addHook('onClose', async () => {
    sessions.endAll('server_shutdown');
  });

  app.get<{ Params: { '*': string } }>('/twilio/media/*', { websocket: true }, (socket: WebSocket, req) => {
    // Listen now: Twilio sends `connected`/`start` while the token is being checked.
    const twilio = new TwilioLeg(socket, deps.options.maxFrameBytes);
    const token = req.params['*'] ?? '';
    if (token === '' || token.length > MAX_TOKEN_CHARS || token.includes('/')) {
      deps.metrics.streamRejected('malformed_token');
      deps.log.warn({ event: 'stream_rejected', reason: 'malformed_token' }, 'media stream refused');
      twilio.close(CLOSE_POLICY, 'unauthorized');
      return;
    }
    void admitAndRun(token, twilio);
  });

  async function admitAndRun(token: string, twilio: TwilioLeg): Promise<void> {
    let admission;
    try {
      admission = await deps.admit(token);
    } catch (err) {
      deps.log.error({ event: 'stream_rejected', reason: 'admit_failed', err }, 'admission threw');
      admission = { ok: false as const, reason: 'admit_failed' };
    }
    if (!admission.ok) {
      deps.metrics.streamRejected(admission.reason);
      deps.log.warn({ event: 'stream_rejected', reason: admission.reason }, 'media stream refused');
      twilio.close(CLOSE_POLICY, 'unauthorized');
      return;
    }
    if (twilio.closed) {
      deps.log.info({ event: 'stream_gone', callSid: admission.claims.callSid }, 'stream closed during admission');
      return;
    }
    const session = new CallSession({
      twilio,
      claims: admission.claims,
      context: admission.context,
      options: deps.options,
      dialect,
      metrics: deps.metrics,
      chimeFrames: chime,
      log: admission.context.log,
      onEnded: (s) => sessions.delete(s),
    });
    sessions.add(session);
    session.start();
  }
};
