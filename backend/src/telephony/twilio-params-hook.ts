import type { FastifyInstance } from 'fastify';
import { checkCallParams, parseTwilioForm, TWILIO_BODY_LIMIT_BYTES } from './twilio-params.js';

const FORM = 'application/x-www-form-urlencoded';

/**
 * In the calling plugin's scope only: Twilio's form bodies are decoded strictly (bad
 * percent-encoding → 400, over 64 KiB → 413) and each call webhook's parameters are checked by
 * shape (twilio-params.ts) in a preHandler, after the signature check registered before it and
 * before any handler records anything.
 */
export function strictTwilioParams(app: FastifyInstance, opts: { incomingCallPaths: readonly string[] }): void {
  if (app.hasContentTypeParser(FORM)) app.removeContentTypeParser(FORM);
  app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: TWILIO_BODY_LIMIT_BYTES }, (_req, body, done) => {
    const parsed = parseTwilioForm(body as string);
    if (!parsed.ok) return done(Object.assign(new Error(parsed.problem), { statusCode: 400 }), undefined);
    done(null, parsed.params);
  });
  const incoming = new Set(opts.incomingCallPaths);
  app.addHook('preHandler', async (req, reply) => {
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const verdict = checkCallParams(body, { incomingCall: incoming.has(req.routeOptions.url ?? '') });
    if (verdict.ok) return;
    // The problem names the parameter, never its value (a value may be anything a caller sent).
    req.log.warn({ event: 'twilio_params_invalid', path: req.routeOptions.url, problem: verdict.problem }, 'twilio webhook refused: bad parameters');
    await reply.code(400).send({ error: 'bad_request', message: verdict.problem });
  });
}
