import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config/load-config.js';
import type { EventStore } from '../storage/event-store.js';
import type { Database } from '../storage/schema.js';
import { strictTwilioParams } from '../telephony/twilio-params-hook.js';
import { twilioSignatureCheck } from '../telephony/twilio-signature.js';
import { SMS_INBOUND_PATH, SMS_STATUS_PATH } from './channels/create-channels.js';
import {
  consentStream,
  MESSAGE_DELIVERED,
  MESSAGE_FAILED,
  messageStream,
  SMS_OPTED_IN,
  SMS_OPTED_OUT,
  type MessageDelivered,
  type MessageFailed,
  type SmsConsentChanged,
} from './events.js';
import { consentKeyword } from './inbound-keywords.js';
import './tables.js';

export interface TwilioSmsRoutesOptions {
  db: Kysely<Database>;
  events: EventStore;
  config: Pick<Config, 'twilioAuthToken' | 'publicBaseUrl'>;
  clock: () => Date;
}

type SmsBody = Partial<Record<'MessageSid' | 'SmsSid' | 'MessageStatus' | 'SmsStatus' | 'ErrorCode' | 'From' | 'To' | 'Body', string>>;

/** Empty TwiML: no auto-reply (Twilio's own opt-out handling answers STOP). */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Twilio's SMS webhooks, signed like every Twilio webhook (403 when `TWILIO_AUTH_TOKEN` is set
 * and the signature is wrong or missing): inbound texts (`STOP`/`START` per tenant and number)
 * and the delivery reports of the messages we send.
 */
export const twilioSmsRoutes: FastifyPluginAsync<TwilioSmsRoutesOptions> = async (app, { db, events, config, clock }) => {
  app.addHook('preHandler', twilioSignatureCheck(config.twilioAuthToken, config.publicBaseUrl));
  // Strict form decoding and shapes (To E.164, CallSid when present), after the signature.
  strictTwilioParams(app, { incomingCallPaths: [] });

  app.post<{ Body: SmsBody }>(SMS_INBOUND_PATH, async (req, reply) => {
    const answer = () => reply.code(200).type('text/xml').send(EMPTY_TWIML);
    const keyword = consentKeyword(req.body?.Body);
    const from = req.body?.From?.trim();
    const to = req.body?.To?.trim();
    if (!keyword || !from || !to || !E164.test(from)) return answer();
    const tenant = await db.selectFrom('tenant_phone_numbers').select('tenant_id').where('phone_number', '=', to).executeTakeFirst();
    if (!tenant) return answer();
    const sid = req.body.MessageSid ?? req.body.SmsSid;
    const payload: SmsConsentChanged = { tenantId: tenant.tenant_id, phone: from, keyword: keyword.keyword };
    await events.append({
      tenantId: tenant.tenant_id,
      stream: consentStream(tenant.tenant_id, from),
      events: [{ type: keyword.action === 'stop' ? SMS_OPTED_OUT : SMS_OPTED_IN, payload, occurredAt: clock(), ...(sid ? { idempotencyKey: `twilio-sms:${sid}` } : {}), metadata: { source: 'twilio_sms' } }],
    });
    req.log.info({ event: keyword.action === 'stop' ? 'sms_opted_out' : 'sms_opted_in', tenantId: tenant.tenant_id }, 'sms consent changed');
    return answer();
  });

  app.post<{ Body: SmsBody; Querystring: { m?: string } }>(SMS_STATUS_PATH, async (req, reply) => {
    const sid = req.body?.MessageSid ?? req.body?.SmsSid;
    const status = (req.body?.MessageStatus ?? req.body?.SmsStatus ?? '').toLowerCase();
    if (!sid || !status) return reply.code(400).send({ error: 'bad_request', message: 'MessageSid and MessageStatus are required' });
    const row = await db
      .selectFrom('outbox')
      .select(['id', 'tenant_id', 'status', 'provider_ref', 'attempts'])
      .where((eb) => (req.query.m ? eb('id', '=', req.query.m) : eb('provider_ref', '=', sid)))
      .where('channel', '=', 'sms')
      .executeTakeFirst();
    // Not ours (or already forgotten): Twilio only needs a 2xx.
    if (!row || (row.provider_ref && row.provider_ref !== sid)) return reply.code(204).send();
    const base = { messageId: row.id, tenantId: row.tenant_id, channel: 'sms' as const };
    const now = clock();
    await db.transaction().execute(async (trx) => {
      if (status === 'delivered') {
        await trx.updateTable('outbox').set({ status: 'delivered', provider_ref: sid }).where('id', '=', row.id).where('status', 'in', ['sending', 'sent']).execute();
        await events.appendIn(trx, {
          tenantId: row.tenant_id,
          stream: messageStream(row.tenant_id, row.id),
          events: [{ type: MESSAGE_DELIVERED, payload: { ...base, providerRef: sid } satisfies MessageDelivered, occurredAt: now, idempotencyKey: `twilio-status:${sid}:delivered`, metadata: { source: 'twilio_status' } }],
        });
      } else if (status === 'undelivered' || status === 'failed') {
        const code = req.body.ErrorCode ? `twilio_${req.body.ErrorCode}` : status;
        await trx.updateTable('outbox').set({ status: 'failed', provider_ref: sid, last_error: code }).where('id', '=', row.id).where('status', 'in', ['sending', 'sent', 'delivered']).execute();
        await events.appendIn(trx, {
          tenantId: row.tenant_id,
          stream: messageStream(row.tenant_id, row.id),
          events: [{ type: MESSAGE_FAILED, payload: { ...base, code, retryable: false, attempt: row.attempts, nextAttemptAt: null } satisfies MessageFailed, occurredAt: now, idempotencyKey: `twilio-status:${sid}:${status}`, metadata: { source: 'twilio_status' } }],
        });
      } else if (!row.provider_ref) {
        // queued / sending / sent: Twilio has it. Remembered so a worker that died before
        // recording the send does not send it again.
        await trx.updateTable('outbox').set({ provider_ref: sid }).where('id', '=', row.id).where('provider_ref', 'is', null).execute();
      }
    });
    return reply.code(204).send();
  });
};
