import type { z } from 'zod';
import type { ActorMode } from '../policy/modes.js';
import { EnvSchema, FeatureModesSchema, type TenantModePolicy } from './schema.js';
import { flag } from './env-parsers.js';

/** Per-feature env switches, keyed by lower-case feature name. */
export interface FeatureSwitch {
  enabled?: boolean;
  modes?: ActorMode[];
}

export interface AccessCodeSources {
  /** `VOZ_ACCESS_CODE_TABLE_JSON`, actor_mode left raw: the resolver normalises it. */
  table: Record<string, { tenant_id: string; actor_mode?: unknown }>;
  ownerMap: Record<string, string>;
  clientMap: Record<string, string>;
}

export interface Config {
  port: number;
  host: string;
  publicBaseUrl: string;
  databaseUrl?: string;
  dataDir: string;
  seedDemo: boolean;
  openai: {
    apiKey?: string;
    realtimeUrl: string;
    baseUrl: string;
    textModel: string;
    dialect: 'ga' | 'beta';
  };
  twilioAuthToken?: string;
  /** Twilio REST (contract §9): with no account SID nothing is sent and SMS fail `not_configured`. */
  twilio: { accountSid?: string; apiBaseUrl: string; smsFrom?: string };
  /** SMTP for email (contract §9): with no URL, email fails `not_configured`. */
  email: { smtpUrl?: string; from: string };
  /**
   * Stripe (contract §8): with no secret key invoices stay local; with no webhook secret every
   * `POST /stripe/webhook` is refused.
   */
  stripe: { secretKey?: string; apiBase: string; webhookSecret?: string };
  /** How far a billing close's cutoff stays behind its clock (billing's default when absent). Tests only: no env variable. */
  billingSettleMs?: number;
  accessCodes: AccessCodeSources;
  modePolicy: TenantModePolicy;
  features: {
    switches: Record<string, FeatureSwitch>;
    tenantModes: Record<string, Record<string, ActorMode[]>>;
  };
  /** Server secret for keyed hashes and stream tokens; when absent one is kept under dataDir. */
  secret?: string;
  /** Bearer token for /api/admin/*; when absent only loopback clients may call it. */
  adminToken?: string;
  gate: { maxFailures: number; windowMinutes: number; lockoutMinutes: number };
  chime: { enabled: boolean; triggerMs: number; everyMs: number; maxSeconds: number };
  /** Per-call limits (contract §10): the bridge warns, then ends politely. */
  callLimits: { maxCallSeconds: number; silenceSeconds: number };
  shutdownDrainMs: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

/** A bad environment: the message is one line naming the variable and the problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const FEATURE_VAR = /^VOZ_FEATURE_([A-Z0-9_]+?)(_MODES)?$/;

/** Reads the process environment unless given one (tests, the simulator). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as shells and .env files often produce them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const where = issue.path.length > 1 ? ` (at ${issue.path.slice(1).join('.')})` : '';
    throw new ConfigError(`${name}: ${issue.message}${where}`);
  }
  const e = parsed.data;
  const features = parseFeatureSwitches(present);
  const tenantModes: Record<string, Record<string, ActorMode[]>> = {};
  for (const [tenant, byFeature] of Object.entries(e.VOZ_TENANT_FEATURE_MODES_JSON)) {
    tenantModes[tenant] = Object.fromEntries(Object.entries(byFeature).map(([f, m]) => [f.toLowerCase(), m]));
  }

  return deepFreeze({
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.VOZ_DATA_DIR,
    seedDemo: e.VOZ_SEED_DEMO,
    openai: {
      apiKey: e.OPENAI_API_KEY,
      realtimeUrl: e.OPENAI_REALTIME_URL,
      baseUrl: e.OPENAI_BASE_URL.replace(/\/+$/, ''),
      textModel: e.OPENAI_TEXT_MODEL,
      dialect: e.VOZ_REALTIME_API,
    },
    twilioAuthToken: e.TWILIO_AUTH_TOKEN,
    twilio: { accountSid: e.TWILIO_ACCOUNT_SID, apiBaseUrl: e.TWILIO_API_BASE_URL.replace(/\/+$/, ''), smsFrom: e.TWILIO_SMS_FROM },
    email: { smtpUrl: e.SMTP_URL, from: e.VOZ_EMAIL_FROM },
    stripe: { secretKey: e.STRIPE_SECRET_KEY, apiBase: e.STRIPE_API_BASE.replace(/\/+$/, ''), webhookSecret: e.STRIPE_WEBHOOK_SECRET },
    accessCodes: {
      table: e.VOZ_ACCESS_CODE_TABLE_JSON,
      ownerMap: e.VOZ_ACCESS_CODE_MAP_JSON,
      clientMap: e.VOZ_CLIENT_ACCESS_CODE_MAP_JSON,
    },
    modePolicy: e.VOZ_TENANT_MODE_POLICY_JSON,
    features: { switches: features, tenantModes },
    secret: e.VOZ_SECRET,
    adminToken: e.VOZ_ADMIN_TOKEN,
    gate: {
      maxFailures: e.VOZ_GATE_MAX_FAILURES,
      windowMinutes: e.VOZ_GATE_WINDOW_MINUTES,
      lockoutMinutes: e.VOZ_GATE_LOCKOUT_MINUTES,
    },
    chime: {
      enabled: e.VOICE_WAIT_CHIME_ENABLED,
      triggerMs: e.VOICE_WAIT_SOUND_TRIGGER_MS,
      everyMs: e.VOICE_WAIT_CHIME_EVERY_MS,
      maxSeconds: e.VOICE_WAIT_CHIME_MAX_SECONDS,
    },
    callLimits: { maxCallSeconds: e.VOZ_MAX_CALL_SECONDS, silenceSeconds: e.VOZ_SILENCE_SECONDS },
    shutdownDrainMs: e.VOZ_SHUTDOWN_DRAIN_MS,
    logLevel: e.LOG_LEVEL,
  });
}

function parseFeatureSwitches(env: Record<string, string | undefined>): Record<string, FeatureSwitch> {
  const switches: Record<string, FeatureSwitch> = {};
  for (const [key, raw] of Object.entries(env)) {
    const m = FEATURE_VAR.exec(key);
    if (!m || raw === undefined) continue;
    const name = m[1]!.toLowerCase();
    const entry = (switches[name] ??= {});
    if (m[2]) {
      const modes = FeatureModesSchema.safeParse(raw);
      if (!modes.success) throw new ConfigError(`${key}: modes must be client, owner or client,owner (got "${raw}")`);
      entry.modes = modes.data;
    } else {
      const on = flag.safeParse(raw);
      if (!on.success) throw new ConfigError(`${key}: must be 0 or 1 (got "${raw}")`);
      entry.enabled = on.data;
    }
  }
  return switches;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
