import { z } from 'zod';
import { ActorMode, E164, TimeZone } from './admin.js';
import { IsoDate } from './scalars.js';

/**
 * `GET/PUT /api/tenants/:tenant_id/settings` (owner-only): a tenant's own settings, stored as
 * `tenant.settings_changed` events and read once per call, at admission. The operator's
 * environment (`VOZ_TENANT_MODE_POLICY_JSON`, `VOZ_FEATURE_*`) wins over what is set here.
 * Notification contacts live in the notifications section (`links.notifications`), the menu and
 * the services in their features' stores: linked, not repeated.
 */

/** `HH:MM`, 00:00–24:00, in the tenant's time zone. */
export const TimeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM, 00:00 to 24:00');
export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

const beforeClose = (r: { open: string; close: string }) => r.open < r.close;
export const DayRange = z.object({ open: TimeOfDay, close: TimeOfDay }).refine(beforeClose, { message: 'open must be before close', path: ['close'] });

/** Open from `open` to `close` on each of `days` (no range spans midnight: split it in two). */
export const WeeklyHours = z
  .object({ days: z.array(Weekday).min(1), open: TimeOfDay, close: TimeOfDay })
  .refine(beforeClose, { message: 'open must be before close', path: ['close'] });

/** A dated exception: its ranges replace the weekly ones that day; none = closed all day. */
export const Holiday = z.object({ date: IsoDate, name: z.string().trim().max(100).optional(), ranges: z.array(DayRange).max(4).default([]) });

export const OpeningHours = z.object({ weekly: z.array(WeeklyHours).max(21), holidays: z.array(Holiday).max(366).default([]) });
export type OpeningHours = z.infer<typeof OpeningHours>;

/** What the assistant says first and how it behaves, for one actor mode. Empty = the product's default. */
export const ModePrompt = z.object({
  greeting: z.string().trim().max(500).optional(),
  instructions: z.string().trim().max(8000).optional(),
});

/** A tenant's own switch for one feature: it can only turn a feature off or narrow its modes. */
export const FeatureSetting = z.object({ enabled: z.boolean().optional(), modes: z.array(ActorMode).optional() });
export type FeatureSetting = z.infer<typeof FeatureSetting>;

export const MAX_TRANSFER_NUMBERS = 5;

export const TenantSettingsInput = z.object({
  display_name: z.string().trim().min(1).max(200),
  time_zone: TimeZone,
  /** Null: no hours set, the line is treated as always open. */
  opening_hours: OpeningHours.nullable().default(null),
  prompts: z.object({ client: ModePrompt.default({}), owner: ModePrompt.default({}) }).default({ client: {}, owner: {} }),
  /** By feature name (see `GET /api/admin/features`). */
  features: z.record(z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'a feature name'), FeatureSetting).default({}),
  /** Tried in this order by a transfer. */
  transfer_numbers: z.array(E164).max(MAX_TRANSFER_NUMBERS).default([]),
  /** Callers whose calls are rejected. */
  blocked_numbers: z.array(E164).max(1000).default([]),
  /** Null: no cap. */
  max_concurrent_calls: z.number().int().min(1).max(1000).nullable().default(null),
});
export type TenantSettingsInput = z.input<typeof TenantSettingsInput>;
export type TenantSettingsValue = z.output<typeof TenantSettingsInput>;

/** What GET and PUT answer: the settings, plus where the linked sections live. */
export const TenantSettings = TenantSettingsInput.extend({
  links: z.object({ notifications: z.string(), contacts: z.string(), access_codes: z.string() }),
  updated_at: z.string().nullable(),
});
export type TenantSettings = z.infer<typeof TenantSettings>;
