import type { FastifyPluginAsync } from 'fastify';
import type { StripeWebhookHandler } from './stripe-webhook.js';

/** Stripe's deliveries are small; anything larger is not from Stripe. */
const WEBHOOK_BODY_LIMIT_BYTES = 512 * 1024;

/**
 * `POST /stripe/webhook`. The scope parses JSON as a raw Buffer (the signature covers the exact
 * bytes); bad, missing or stale signature → 400; a recorded event → 200.
 */
export const stripeWebhookRoutes: FastifyPluginAsync<{ webhook: StripeWebhookHandler }> = async (app, opts) => {
  // Any content type: whatever arrives is checked against the signature (and refused with 400).
  const raw = { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT_BYTES } as const;
  app.addContentTypeParser('application/json', raw, (_req, body, done) => done(null, body));
  app.addContentTypeParser('*', raw, (_req, body, done) => done(null, body));
  app.post('/stripe/webhook', async (req, reply) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const header = req.headers['stripe-signature'];
    const outcome = await opts.webhook.handle(raw, typeof header === 'string' ? header : undefined);
    if (!outcome.ok) {
      const message = outcome.reason === 'not_configured' ? 'Stripe webhooks are not configured' : 'invalid Stripe-Signature';
      return reply.code(400).send({ error: outcome.reason, message });
    }
    return { received: true, duplicate: outcome.duplicate };
  });
};
