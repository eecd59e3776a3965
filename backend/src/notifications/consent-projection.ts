import type { Projection, StoredEvent, Trx } from '../storage/events.js';
import { SMS_OPTED_IN, SMS_OPTED_OUT, type SmsConsentChanged } from './events.js';
import './tables.js';

/** `sms_opt_outs`: per tenant and caller number, whether the last word was STOP. */
export const consentProjection: Projection = {
  name: 'sms_opt_outs',
  handles: [SMS_OPTED_OUT, SMS_OPTED_IN],
  tables: ['sms_opt_outs'],
  async apply(trx: Trx, event: StoredEvent) {
    const p = event.payload as unknown as SmsConsentChanged;
    if (!p.phone) return;
    const row = { opted_out: event.type === SMS_OPTED_OUT, keyword: String(p.keyword ?? ''), updated_at: event.occurredAt };
    await trx
      .insertInto('sms_opt_outs')
      .values({ tenant_id: event.tenantId, phone: p.phone, ...row })
      .onConflict((oc) => oc.columns(['tenant_id', 'phone']).doUpdateSet(row))
      .execute();
  },
};

/** Checked when a message is queued and again right before it is sent. */
export async function isOptedOut(db: Pick<Trx, 'selectFrom'>, tenantId: string, phone: string): Promise<boolean> {
  const row = await db.selectFrom('sms_opt_outs').select('opted_out').where('tenant_id', '=', tenantId).where('phone', '=', phone).executeTakeFirst();
  return row?.opted_out ?? false;
}
