/** Tunables of the accounts module, with the defaults of style-anchors §6 (items 16–17). */
export interface AccountsConfig {
  /** `https://…` → `__Host-voz_session` with `Secure`; `http://…` (local dev) → `voz_session`. */
  publicBaseUrl: string;
  /** Extra origins whose browser writes are accepted (e.g. a portal dev server). */
  trustedOrigins: readonly string[];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** `last_seen_at` is written at most this often, so a busy portal costs no write per request. */
  sessionTouchEveryMs: number;
  throttle: ThrottlePolicies;
  argon2: Argon2Params;
}

export interface AttemptPolicy {
  maxFailures: number;
  windowMs: number;
  blockMs: number;
}

export interface ThrottlePolicies {
  ip: AttemptPolicy;
  email: AttemptPolicy;
}

/** Argon2id cost: memory in KiB, passes, lanes. */
export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_DEFAULTS: Argon2Params = Object.freeze({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export const ACCOUNTS_DEFAULTS: Omit<AccountsConfig, 'publicBaseUrl'> = Object.freeze({
  trustedOrigins: [],
  sessionIdleMs: 7 * DAY_MS,
  sessionAbsoluteMs: 30 * DAY_MS,
  sessionTouchEveryMs: HOUR_MS,
  throttle: {
    // "10 in a row": consecutive failures from one address; a day without one starts over.
    ip: { maxFailures: 10, windowMs: DAY_MS, blockMs: 10 * MINUTE_MS },
    email: { maxFailures: 5, windowMs: 15 * MINUTE_MS, blockMs: 15 * MINUTE_MS },
  },
  argon2: ARGON2_DEFAULTS,
});

/** A frozen config: the defaults, overridden by what the host passes. */
export function accountsConfig(given: Partial<AccountsConfig> & Pick<AccountsConfig, 'publicBaseUrl'>): AccountsConfig {
  new URL(given.publicBaseUrl); // throws on a malformed origin, at start rather than at the first login
  return Object.freeze({ ...ACCOUNTS_DEFAULTS, ...given });
}
