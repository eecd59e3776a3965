import { z } from 'zod';

/**
 * When a kitchen takes orders or a shop takes bookings, as the menu and the service catalog store
 * it: ISO weekdays (1 = Monday … 7 = Sunday) and minutes after local midnight. The tenant's
 * opening hours (settings) are `HH:MM` text; these are the features' own, older shape.
 */
export const ServiceWeekday = z.number().int().min(1).max(7);
export type ServiceWeekday = z.infer<typeof ServiceWeekday>;

export const MINUTES_PER_DAY = 24 * 60;
export const MinuteOfDay = z.number().int().min(0).max(MINUTES_PER_DAY);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const MinuteRange = z.object({ open: MinuteOfDay, close: MinuteOfDay });

/** Open from `open` to `close` (minutes after local midnight) on each of `days`. */
export const ServiceWeeklyRule = z.object({ days: z.array(ServiceWeekday).min(1), open: MinuteOfDay, close: MinuteOfDay });

/** A dated exception: its ranges replace the weekly rules for that date (empty = closed, a holiday). */
export const ServiceDateOverride = z.object({ date: IsoDay, ranges: z.array(MinuteRange) });

export const ServiceHours = z.object({
  weekly: z.array(ServiceWeeklyRule),
  overrides: z.array(ServiceDateOverride).default([]),
});
export type ServiceHours = z.infer<typeof ServiceHours>;
