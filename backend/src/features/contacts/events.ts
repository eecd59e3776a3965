/** Facts this feature reads (owned elsewhere, matched by type name only) and its own. */
export const CALL_RECEIVED = 'call.received';
/** A shared-line call whose access code named the tenant (and the caller's mode). */
export const CALL_GATE_PASSED = 'call.gate_passed';
export const ORDER_PLACED = 'order.placed';
export const APPOINTMENT_REQUESTED = 'appointment.requested';
export const OWNER_CONTACT_UPSERTED = 'contact.owner_upserted';
export const OWNER_CONTACT_REMOVED = 'contact.owner_removed';

export const ownerContactStream = (tenantId: string, contactId: string) => ({ type: 'owner_contact', id: `owner_contact:${tenantId}:${contactId}` });

export type NotificationChannel = 'sms' | 'email' | 'portal';

export interface OwnerContactUpserted {
  tenantId: string;
  contactId: string;
  name: string;
  phone: string | null;
  email: string | null;
  /** Per notification kind (`missed_call`, `order_placed`, …), the channels to use. */
  notify: Record<string, NotificationChannel[]>;
}
