import { z } from 'zod';

/** An instant as ISO 8601 with its offset (`2026-12-01T18:30:00.000Z`, `…+01:00`). */
export const IsoInstant = z.iso.datetime({ offset: true });
/** A calendar date (`2026-12-01`), meant in the tenant's time zone. */
export const IsoDate = z.iso.date();
/** Money is integer cents, never floats. */
export const Cents = z.number().int();
/** A count of things. */
export const Count = z.number().int().nonnegative();
/** Who or what a record came from. */
export const RecordSource = z.enum(['voice', 'portal', 'seed']);
export type RecordSource = z.infer<typeof RecordSource>;
