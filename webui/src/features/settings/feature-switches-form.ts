import type { FeatureSetting, TenantFeature, TenantSettings, TenantSettingsInput } from '@vozlia/contract';
import { z } from 'zod';
import { storedBody } from './assistant-form';

type Mode = 'client' | 'owner';

/** What an owner reads for each feature (the API's names are the operator's). */
export const FEATURE_TITLES: Readonly<Record<string, string>> = {
  order_placing: 'Phone orders',
  appointment_requests: 'Appointment requests',
  knowledge_base: 'Answers from your documents',
  business_analytics: 'Questions about your business',
  customer_greeting: 'Greeting and customer protocol',
  call_control: 'Transfers and hanging up',
  call_summary: 'Call summaries',
  contacts: 'Contacts',
  missed_call_capture: 'Missed calls',
  order_notification: 'Order and booking messages',
  owner_notification: 'Messages to you',
};
/** What each feature does for the business, in an owner's words (the manifests describe the code). */
export const FEATURE_BLURBS: Readonly<Record<string, string>> = {
  order_placing: 'Callers order from your menu; you see the orders here and get a message for each.',
  appointment_requests: 'Callers ask for a service with one of your staff; you confirm or decline here.',
  knowledge_base: 'The assistant answers callers from the documents you keep under Knowledge base.',
  business_analytics: 'You ask about your calls, orders and bookings, on the phone with your owner code or under Ask.',
  customer_greeting: 'The standard greeting and manners for your kind of business, unless you wrote your own.',
  call_control: 'Callers can ask for a person and are put through to your transfer numbers, or leave a message.',
  call_summary: 'After each call, a short summary of what was said appears in the call log.',
  contacts: 'Callers are remembered by their number, with the name they gave.',
  missed_call_capture: 'Calls nobody answered are listed, with the number to call back.',
  order_notification: 'Customers get a text when their order or booking is taken or changes.',
  owner_notification: 'You get a text or email about new orders, bookings, messages and missed calls.',
};
export const MODE_LABELS: Readonly<Record<Mode, string>> = { client: 'Customers', owner: 'You (owner code)' };

/** Why the operator keeps a feature closed, in an owner's words. */
export const OPERATOR_REASONS: Readonly<Record<string, string>> = {
  killed: 'switched off by your provider',
  off_by_default: 'not switched on by your provider',
  owner_only: 'only ever for you',
  mode_narrowed: 'limited by your provider',
  not_in_allowlist: 'not in your provider’s plan for this line',
  blocklisted: 'blocked by your provider for this line',
};

/** One row per feature: on or off, and for which callers. */
export const FeatureSwitchesForm = z.object({
  items: z.array(z.object({ name: z.string(), enabled: z.boolean(), client: z.boolean(), owner: z.boolean() })),
});
export type FeatureSwitchesFormInput = z.input<typeof FeatureSwitchesForm>;

const wants = (s: FeatureSetting, m: Mode) => s.enabled !== false && (!s.modes || s.modes.includes(m));

export function featureSwitchesFormFrom(features: readonly TenantFeature[]): FeatureSwitchesFormInput {
  const on = (f: TenantFeature, m: Mode) => f.modes.includes(m) && wants(f.tenant, m);
  return { items: features.map((f) => ({ name: f.name, enabled: f.tenant.enabled !== false, client: on(f, 'client'), owner: on(f, 'owner') })) };
}

/**
 * The owner's switch for one feature from its row. A mode the operator closes keeps what was
 * stored (its box is disabled); no mode left means off; every declared mode means no narrowing.
 */
function switchOf(f: TenantFeature, row: FeatureSwitchesFormInput['items'][number]): FeatureSetting | undefined {
  if (!row.enabled) return { enabled: false };
  const chosen = f.modes.filter((m) => (f.operator[m].allowed ? row[m] : wants(f.tenant, m)));
  if (chosen.length === 0) return { enabled: false };
  return chosen.length === f.modes.length ? undefined : { modes: chosen };
}

/** The whole `PUT settings` body with these switches; features not listed (another vertical's) keep theirs. */
export function settingsWithFeatures(current: TenantSettings, features: readonly TenantFeature[], v: FeatureSwitchesFormInput): TenantSettingsInput {
  const next: Record<string, FeatureSetting> = { ...current.features };
  for (const f of features) {
    const row = v.items.find((r) => r.name === f.name);
    if (!row) continue;
    const s = switchOf(f, row);
    if (s) next[f.name] = s;
    else delete next[f.name];
  }
  return { ...storedBody(current), features: next };
}
