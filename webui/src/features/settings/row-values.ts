import { z } from 'zod';

/** "12.5" or "12.50" → 1250: prices are typed in dollars, stored in cents. */
export const Dollars = z
  .string()
  .trim()
  .regex(/^\d{1,6}(\.\d{1,2})?$/, 'a price like 12.50')
  .transform((s) => Math.round(Number(s) * 100));

/** 1250 → "12.50". */
export const dollarsOf = (cents: number) => (cents / 100).toFixed(2);

/** A whole number typed in a text box ("30" → 30). */
export const WholeNumber = z
  .string()
  .trim()
  .regex(/^\d{1,4}$/, 'a whole number')
  .transform(Number);

/** A rate typed in percent ("8.875" → 8.875). */
export const Percent = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.\d{1,3})?$/, 'a rate like 8.875')
  .transform(Number);

/** A row's stored id; a new row has none yet (empty, or absent: `id` is also the field array's own key). */
export const NewRowId = z.string().default('');

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'item';

/**
 * Ids for rows: a stored row keeps its id (orders and appointments name it); a new row gets one
 * from its name, made unique among the others.
 */
export function withIds<T extends { id: string; name: string }>(rows: readonly T[]): T[] {
  const taken = new Set(rows.map((r) => r.id).filter(Boolean));
  return rows.map((r) => {
    if (r.id) return r;
    let id = slug(r.name);
    for (let n = 2; taken.has(id); n++) id = `${slug(r.name)}-${n}`;
    taken.add(id);
    return { ...r, id };
  });
}
