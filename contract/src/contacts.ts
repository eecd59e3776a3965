import { z } from 'zod';
import { page } from './pagination.js';
import { Count, IsoInstant } from './scalars.js';

/**
 * Contacts under `/api/tenants/:tenant_id/contacts/`.
 * - `GET customers` (`PageQuery`) → `CustomerList`, most recently seen first.
 * - `GET owners` → `OwnerContactList`: who the business's own messages go to.
 */
export const Customer = z.object({
  /** E.164: the key of a customer. */
  phone: z.string(),
  name: z.string().nullable(),
  first_seen_at: IsoInstant,
  last_seen_at: IsoInstant,
  calls_count: Count,
  orders_count: Count,
  appointments_count: Count,
});
export type Customer = z.infer<typeof Customer>;

export const CustomerList = page(Customer);
export type CustomerList = z.infer<typeof CustomerList>;

export const OwnerContact = z.object({
  contact_id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** Per kind of message (`order_placed`, `missed_call`…), the channels used (`sms`, `email`). */
  notify: z.record(z.string(), z.array(z.string())),
  updated_at: IsoInstant,
});
export type OwnerContact = z.infer<typeof OwnerContact>;

export const OwnerContactList = z.object({ items: z.array(OwnerContact) });
export type OwnerContactList = z.infer<typeof OwnerContactList>;
