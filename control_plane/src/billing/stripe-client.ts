import Stripe from 'stripe';

/** The API version we speak, pinned (the `stripe` package's types describe this one). */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const;
export const DEFAULT_STRIPE_API_BASE = 'https://api.stripe.com';
const STRIPE_TIMEOUT_MS = 20_000;
/** stripe-node retries network errors and 409/429/5xx itself, reusing our Idempotency-Key. */
const STRIPE_NETWORK_RETRIES = 2;

export interface StripeSettings {
  /** STRIPE_SECRET_KEY: Stripe is on when it is set. */
  secretKey: string;
  /** STRIPE_API_BASE: where requests go (a local fake in tests). */
  apiBase?: string;
  maxNetworkRetries?: number;
}

/** A client pointed at `apiBase` through the package's host/port/protocol options. */
export function createStripeClient(s: StripeSettings): Stripe {
  const base = new URL(s.apiBase ?? DEFAULT_STRIPE_API_BASE);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new RangeError(`STRIPE_API_BASE must be http(s): ${base.protocol}`);
  const protocol = base.protocol === 'https:' ? 'https' : 'http';
  return new Stripe(s.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    host: base.hostname,
    port: base.port || (protocol === 'https' ? 443 : 80),
    protocol,
    maxNetworkRetries: s.maxNetworkRetries ?? STRIPE_NETWORK_RETRIES,
    timeout: STRIPE_TIMEOUT_MS,
    telemetry: false,
  });
}
