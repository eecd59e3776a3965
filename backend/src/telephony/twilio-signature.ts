import type { FastifyReply, FastifyRequest } from 'fastify';
import twilio from 'twilio';

/**
 * preHandler for every Twilio webhook: with an auth token configured, the request must carry
 * an `X-Twilio-Signature` valid for `PUBLIC_BASE_URL` + path (with query) and the posted
 * parameters; otherwise 403. Without a token (local development) everything passes.
 */
export function twilioSignatureCheck(authToken: string | undefined, publicBaseUrl: string) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!authToken) return;
    const signature = req.headers['x-twilio-signature'];
    const params = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const url = `${publicBaseUrl}${req.url}`;
    if (typeof signature !== 'string' || !twilio.validateRequest(authToken, signature, url, params)) {
      req.log.warn({ event: 'twilio_signature_invalid', path: req.url.split('?')[0] }, 'twilio webhook refused: bad signature');
      await reply.code(403).type('text/plain').send('invalid signature');
    }
  };
}
