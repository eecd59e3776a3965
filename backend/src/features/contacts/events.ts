import type { NotificationChannel } from '../notification-events.js';

export const OWNER_CONTACT_UPSERTED = 'contact.owner_upserted';
export const OWNER_CONTACT_REMOVED = 'contact.owner_removed';

export const ownerContactStream = (tenantId: string, contactId: string) => ({ type: 'owner_contact', id: `owner_contact:${tenantId}:${contactId}` });

export interface OwnerContactUpserted {
  tenantId: string;
  contactId: string;
  name: string;
  phone: string | null;
  email: string | null;
  /** Per notification kind (`missed_call`, `order_placed`, …), the channels to use. */
  notify: Record<string, NotificationChannel[]>;
}
