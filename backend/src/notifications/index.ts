import type { Kysely, Migration } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { EventStore } from '../storage/event-store.js';
import type { Projection, Reactor } from '../storage/events.js';
import type { Database } from '../storage/schema.js';
import { createChannels, type ChannelSet } from './channels/create-channels.js';
import { consentProjection } from './consent-projection.js';
import { messagesProjection } from './message-projection.js';
import { notificationMigrations } from './migrations/index.js';
import { outboxReactor, type AppendIn } from './outbox-reactor.js';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker.js';
import type { Audience } from './policy.js';
import { settingsProjection } from './settings-projection.js';

export { SMS_INBOUND_PATH, SMS_STATUS_PATH } from './channels/create-channels.js';
export { notificationTenantRoutes } from './tenant-routes.js';
export { twilioSmsRoutes } from './twilio-sms-routes.js';
export { verifySignature, signatureHeader, SIGNATURE_HEADER, WEBHOOK_ID_HEADER } from './webhook-signature.js';
export type { OutboxWorker } from './outbox-worker.js';
export type { NotificationFacts } from './facts.js';
export type { Audience } from './policy.js';

export interface NotificationsDeps {
  db: Kysely<Database>;
  config: Config;
  clock: () => Date;
  log: Logger;
  /** Tests hand in channels pointed at fakes; default: the ones the config allows. */
  channels?: ChannelSet;
  /** Whose messages the `order_notification` / `owner_notification` switches allow per tenant (default: everybody's). */
  audience?: (tenantId: string) => Audience;
  worker?: Partial<Pick<OutboxWorkerOptions, 'limits' | 'random' | 'pollMs' | 'batchSize' | 'lockExpiryMs' | 'workerId'>>;
}

/**
 * The notifications engine as one self-contained module. The composition root:
 *   const n = notifications({ db, config, clock, log });
 *   const events = new EventStore(db, [...others, ...n.projections], [...others, n.reactor((trx, reqs) => events.appendManyIn(trx, reqs))]);
 *   migrate with n.migrations; start n.worker(events) (the demo's settings: demo/notification-settings.ts);
 *   mount n.twilioRoutes at the root and n.tenantRoutes under /api/tenants/:tenant_id (tenant gate).
 */
export function notifications(deps: NotificationsDeps) {
  const channelSet = deps.channels ?? createChannels(deps.config, deps.clock);
  return {
    migrations: notificationMigrations as Record<string, Migration>,
    projections: [messagesProjection, settingsProjection, consentProjection] as readonly Projection[],
    /** Needs the store's `appendManyIn` (it records `message.queued` in the cause's transaction). */
    reactor: (appendIn: AppendIn): Reactor =>
      outboxReactor({ appendIn, available: channelSet.available, smsFrom: deps.config.twilio.smsFrom, clock: deps.clock, log: deps.log, ...(deps.audience ? { audience: deps.audience } : {}) }),
    worker: (events: EventStore): OutboxWorker =>
      new OutboxWorker({ db: deps.db, events, channels: channelSet.channels, clock: deps.clock, log: deps.log, ...deps.worker }),
    /** Plugin options for `twilioSmsRoutes` (root) and `notificationTenantRoutes` (tenant-scoped). */
    routeOptions: (events: EventStore) => ({ db: deps.db, events, config: deps.config, clock: deps.clock }),
    close: () => channelSet.close(),
  };
}
export type Notifications = ReturnType<typeof notifications>;
