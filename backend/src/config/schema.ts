import { z } from 'zod';
import { ActorModeSchema } from '../policy/modes.js';
import { flag, intFromString, jsonString } from './env-parsers.js';

const TenantId = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, 'tenant ids are lower-case letters, digits, _ and -');
const AccessCode = z.string().regex(/^\d{8}$/, 'access codes are exactly 8 digits');

/** Parsed leniently: a missing or unknown actor_mode is `client` (contract §2), so no error here. */
const AccessCodeEntry = z.object({
  tenant_id: TenantId,
  actor_mode: z.unknown().optional(),
});

const ModeList = z
  .string()
  .transform((raw) => raw.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(ActorModeSchema, { error: 'modes must be client, owner or client,owner' }).min(1));

const ModePolicyEntry = z.strictObject({
  openai_instructions: z.string().min(1).optional(),
  greeting_style: z.string().min(1).optional(),
  voice: z.string().min(1).optional(),
  feature_allowlist: z.array(z.string()).optional(),
  feature_blocklist: z.array(z.string()).optional(),
  skill_allowlist: z.array(z.string()).optional(),
  skill_blocklist: z.array(z.string()).optional(),
});
export type ModePolicyEntry = z.infer<typeof ModePolicyEntry>;

const TenantModePolicy = z.record(TenantId, z.partialRecord(ActorModeSchema, ModePolicyEntry));
export type TenantModePolicy = z.infer<typeof TenantModePolicy>;

/** `{"tenant":{"FEATURE":"client,owner"}}` — feature names are matched case-insensitively. */
const TenantFeatureModes = z.record(TenantId, z.record(z.string(), ModeList));

const Url = (protocols: string[]) =>
  z.url({ error: 'must be a URL' }).refine((u) => protocols.includes(new URL(u).protocol), {
    message: `must start with ${protocols.join(' or ')}`,
  });

/** The variables of contract §2, plus a few operational knobs with safe defaults. */
export const EnvSchema = z.object({
  PORT: intFromString(0, 65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_BASE_URL: Url(['http:', 'https:']).optional(),
  DATABASE_URL: Url(['postgres:', 'postgresql:']).optional(),
  VOZ_DATA_DIR: z.string().min(1).default('./data'),
  VOZ_SEED_DEMO: flag.default(true),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_REALTIME_URL: Url(['ws:', 'wss:']).default('wss://api.openai.com/v1/realtime?model=gpt-realtime'),
  OPENAI_BASE_URL: Url(['http:', 'https:']).default('https://api.openai.com/v1'),
  OPENAI_TEXT_MODEL: z.string().min(1).default('gpt-4.1-mini'),
  VOZ_REALTIME_API: z.enum(['ga', 'beta']).default('ga'),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  // Contract §9: Twilio REST (SMS, call updates) and email.
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits').optional(),
  TWILIO_API_BASE_URL: Url(['http:', 'https:']).default('https://api.twilio.com'),
  TWILIO_SMS_FROM: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number, like +15550100001').optional(),
  SMTP_URL: Url(['smtp:', 'smtps:']).optional(),
  VOZ_EMAIL_FROM: z.string().min(3).default('Vozlia <no-reply@localhost>'),
  // Contract §8: Stripe is on when the secret key is set; requests go to STRIPE_API_BASE.
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_[A-Za-z0-9_]+$/, 'must be a Stripe secret key (sk_… or rk_…)').optional(),
  STRIPE_API_BASE: Url(['http:', 'https:']).default('https://api.stripe.com'),
  STRIPE_WEBHOOK_SECRET: z.string().min(8, 'must be the endpoint signing secret (whsec_…)').optional(),
  VOZ_ACCESS_CODE_TABLE_JSON: jsonString(z.record(AccessCode, AccessCodeEntry)).default({}),
  VOZ_ACCESS_CODE_MAP_JSON: jsonString(z.record(AccessCode, TenantId)).default({}),
  VOZ_CLIENT_ACCESS_CODE_MAP_JSON: jsonString(z.record(AccessCode, TenantId)).default({}),
  VOZ_TENANT_MODE_POLICY_JSON: jsonString(TenantModePolicy).default({}),
  VOZ_TENANT_FEATURE_MODES_JSON: jsonString(TenantFeatureModes).default({}),
  VOZ_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** When set, /api/admin/* needs `Authorization: Bearer <token>`; unset: loopback clients only. */
  VOZ_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  VOZ_GATE_MAX_FAILURES: intFromString(1, 100).default(5),
  VOZ_GATE_WINDOW_MINUTES: intFromString(1, 24 * 60).default(15),
  VOZ_GATE_LOCKOUT_MINUTES: intFromString(1, 24 * 60).default(15),
  // Contract §10: a call that reaches it is ended politely (warned a minute before).
  VOZ_MAX_CALL_SECONDS: intFromString(60, 24 * 3600).default(1800),
  /** No caller speech this long while the assistant is idle → "are you still there?", then the end. */
  VOZ_SILENCE_SECONDS: intFromString(5, 3600).default(20),
  VOZ_SHUTDOWN_DRAIN_MS: intFromString(0, 600_000).default(10_000),
  VOICE_WAIT_CHIME_ENABLED: flag.default(false),
  VOICE_WAIT_SOUND_TRIGGER_MS: intFromString(0, 60_000).default(800),
  VOICE_WAIT_CHIME_EVERY_MS: intFromString(100, 60_000).default(1200),
  VOICE_WAIT_CHIME_MAX_SECONDS: intFromString(1, 600).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export const FeatureModesSchema = ModeList;
