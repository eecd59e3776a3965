import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely, Migration } from 'kysely';
import pino from 'pino';
import { loadConfig, type Config } from '../config/load-config.js';
import { AppError } from '../server/errors.js';
import type { DatabaseKind } from '../storage/database.js';
import { EventStore } from '../storage/event-store.js';
import { migrateToLatest } from '../storage/migrate.js';
import type { Database } from '../storage/schema.js';
import { seedDemoNotificationSettings } from '../demo/notification-settings.js';
import { seedDemoTenants } from '../demo/tenants.js';
import { tenantsProjection } from '../tenancy/tenants-projection.js';
import { SmtpFake } from './smtp-fake.js';
import { openMigratedTestDatabase, type TestDatabase } from './test-db.js';
import { freePort } from './test-runtime.js';
import { TwilioRestFake } from './twilio-rest-fake.js';
import { WebhookReceiver } from './webhook-receiver.js';
import { NOTIFICATION_QUEUED } from '../notifications/events.js';
import { notificationMigrations } from '../notifications/migrations/index.js';
import { createChannels } from '../notifications/channels/create-channels.js';
import { notifications, notificationTenantRoutes, twilioSmsRoutes, type Notifications } from '../notifications/index.js';
import { OutboxWorker, type OutboxWorkerOptions } from '../notifications/outbox-worker.js';
import type { RateLimits } from '../notifications/rate-limit.js';
import type { MessageRow } from '../notifications/tables.js';

/**
 * Test support (moves to testing/ with the new layout): the notifications module composed the
 * way the composition root will compose it, over a fresh database, with the local Twilio REST,
 * SMTP and webhook fakes, a settable clock and the routes on a real port (Twilio's delivery
 * reports come back over HTTP). Events are appended exactly as the features append them today.
 */
/** A database, three fake providers and a server: give `beforeAll` room on a loaded machine. */
export const HARNESS_START_MS = 180_000;

/** Tests that are not about rate limits must not wait for them (the clock only moves by hand). */
const UNLIMITED: RateLimits = { perSenderNumber: { limit: 10_000, windowMs: 1_000 }, perTenantChannel: { limit: 10_000, windowMs: 1_000 } };

/** A clock the test moves by hand; `now` is what every part of the harness reads. */
export class TestClock {
  #ms: number;
  constructor(start: Date) {
    this.#ms = start.getTime();
  }
  readonly now = (): Date => new Date(this.#ms);
  advance(ms: number): void {
    this.#ms += ms;
  }
  set(at: Date): void {
    this.#ms = at.getTime();
  }
}

export class NotifyHarness {
  private constructor(
    readonly time: TestClock,
    readonly config: Config,
    readonly handle: TestDatabase,
    readonly events: EventStore,
    readonly module: Notifications,
    readonly worker: OutboxWorker,
    readonly app: FastifyInstance,
    readonly twilio: TwilioRestFake,
    readonly smtp: SmtpFake,
    readonly webhooks: WebhookReceiver,
  ) {}

  readonly clock = (): Date => this.time.now();

  static async start(opts: { kind: DatabaseKind; now: Date; env?: Record<string, string>; limits?: RateLimits; twilioConfigured?: boolean }): Promise<NotifyHarness> {
    const time = new TestClock(opts.now);
    const clock = time.now;
    const [handle, twilio, smtp, webhooks, port] = await Promise.all([
      openMigratedTestDatabase(opts.kind, notificationMigrations as Record<string, Migration>),
      TwilioRestFake.start({ clock }),
      SmtpFake.start(),
      WebhookReceiver.start({ clock }),
      freePort(),
    ]);
    const configured = opts.twilioConfigured ?? true;
    const config = loadConfig({
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      ...(configured ? { TWILIO_ACCOUNT_SID: twilio.accountSid, TWILIO_API_BASE_URL: twilio.url, SMTP_URL: smtp.url } : {}),
      VOZ_EMAIL_FROM: 'Vozlia <no-reply@vozlia.test>',
      ...opts.env,
    });
    const db = handle.db as Kysely<Database>;
    const log = pino({ level: 'silent' });
    const module = notifications({ db, config, clock, log, worker: { random: () => 0.5, limits: opts.limits ?? UNLIMITED, workerId: 'worker-1' } });
    const events: EventStore = new EventStore(db, [tenantsProjection, ...module.projections], [module.reactor((trx, reqs) => events.appendManyIn(trx, reqs))]);
    await migrateToLatest(db, module.migrations);
    await seedDemoTenants(events, new Date('2026-09-01T00:00:00Z'));
    await seedDemoNotificationSettings(events, clock());

    const app = Fastify({ logger: false });
    app.setErrorHandler((err, _req, reply) =>
      err instanceof AppError ? reply.code(err.httpStatus).send({ error: err.code, message: err.message }) : reply.send(err),
    );
    await app.register(formbody);
    await app.register(twilioSmsRoutes, module.routeOptions(events));
    await app.register(notificationTenantRoutes, { prefix: '/api/tenants/:tenant_id', ...module.routeOptions(events) });
    await app.listen({ port, host: '127.0.0.1' });

    return new NotifyHarness(time, config, handle, events, module, module.worker(events), app, twilio, smtp, webhooks);
  }

  get db(): Kysely<Database> {
    return this.handle.db as Kysely<Database>;
  }

  /** Another worker on the same outbox (a second instance), with the harness defaults unless given. */
  extraWorker(opts: Partial<Omit<OutboxWorkerOptions, 'db' | 'events' | 'clock' | 'log'>> & { workerId: string }): OutboxWorker {
    const channels = opts.channels ?? createChannels(this.config, this.clock).channels;
    return new OutboxWorker({ db: this.db, events: this.events, clock: this.clock, log: pino({ level: 'silent' }), limits: UNLIMITED, random: () => 0.5, ...opts, channels });
  }

  /** Runs the worker until nothing is due (bounded). */
  async drain(maxRounds = 20): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.worker.runOnce();
      if (n === 0) return total;
      total += n;
    }
    return total;
  }

  messages(tenantId: string): Promise<MessageRow[]> {
    return this.db.selectFrom('messages').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').orderBy('id').execute();
  }

  /** As order_placing's placeOrder appends: `order.placed` and its `notification.queued`, one stream. */
  async placeOrder(tenantId: string, o: { orderId: string; customerName: string; customerPhone: string | null; lines: { itemName: string; quantity: number; unitPriceCents: number; options?: string[] }[]; requestedFor: Date; callSid?: string }) {
    const lines = o.lines.map((l, i) => ({ lineNo: i + 1, itemId: `item_${i}`, itemName: l.itemName, category: 'mains', quantity: l.quantity, unitPriceCents: l.unitPriceCents, options: l.options ?? [], notes: null, lineTotalCents: l.quantity * l.unitPriceCents }));
    const subtotal = lines.reduce((s, l) => s + l.lineTotalCents, 0);
    const tax = Math.round(subtotal * 0.08875);
    const order = { tenantId, orderId: o.orderId, callSid: o.callSid ?? null, customerName: o.customerName, customerPhone: o.customerPhone, fulfillment: 'pickup', requestedFor: o.requestedFor.toISOString(), deliveryAddress: null, notes: null, lines, subtotalCents: subtotal, taxCents: tax, deliveryFeeCents: 0, totalCents: subtotal + tax, source: 'voice' };
    const notification = { tenantId, notificationId: `order:${o.orderId}`, kind: 'order_placed', channel: 'portal', subject: `New pickup order ${o.orderId}`, ref: { orderId: o.orderId, callSid: o.callSid ?? null } };
    return this.events.append({
      tenantId,
      stream: { type: 'order', id: `order:${tenantId}:${o.orderId}` },
      expectedVersion: 'no_stream',
      events: [
        { type: 'order.placed', payload: order, occurredAt: this.clock() },
        { type: NOTIFICATION_QUEUED, payload: notification, occurredAt: this.clock() },
      ],
    });
  }

  /** As appointment_requests' requestAppointment appends. */
  async requestAppointment(tenantId: string, a: { appointmentId: string; customerName: string; customerPhone: string | null; service: string; staff: string; startsAt: Date; priceCents: number }) {
    const data = { tenantId, appointmentId: a.appointmentId, callSid: null, customerName: a.customerName, customerPhone: a.customerPhone, serviceId: 'svc_1', service: a.service, staffId: 'staff_1', staff: a.staff, startsAt: a.startsAt.toISOString(), endsAt: new Date(a.startsAt.getTime() + 30 * 60_000).toISOString(), durationMinutes: 30, priceCents: a.priceCents, notes: null, source: 'voice' };
    const notification = { tenantId, notificationId: `appointment:${a.appointmentId}`, kind: 'appointment_requested', channel: 'portal', subject: `Appointment request: ${a.service}`, ref: { appointmentId: a.appointmentId, callSid: null } };
    return this.events.append({
      tenantId,
      stream: { type: 'appointment', id: `appointment:${tenantId}:${a.appointmentId}` },
      expectedVersion: 'no_stream',
      events: [
        { type: 'appointment.requested', payload: data, occurredAt: this.clock() },
        { type: NOTIFICATION_QUEUED, payload: notification, occurredAt: this.clock() },
      ],
    });
  }

  /** As the phone entry records a missed call, then missed_call_capture's job queues its notification. */
  async missCall(tenantId: string, callSid: string, from: string, to: string) {
    await this.events.append({
      tenantId,
      stream: { type: 'call', id: callSid },
      events: [
        { type: 'call.received', payload: { callSid, from, to, tenantId, tenantMode: 'dedicated' }, occurredAt: this.clock() },
        { type: 'call.missed', payload: { callSid, tenantId, reason: 'not_answered' }, occurredAt: this.clock() },
      ],
    });
    const notification = { tenantId, notificationId: `missed:${callSid}`, kind: 'missed_call', channel: 'sms', subject: `Missed call from ${from}`, ref: { callSid } };
    return this.events.append({
      tenantId,
      stream: { type: 'notification', id: `notification:${tenantId}:missed:${callSid}` },
      events: [{ type: NOTIFICATION_QUEUED, payload: notification, occurredAt: this.clock(), idempotencyKey: `notify:missed:${callSid}`, metadata: { actor_mode: 'system', call_sid: callSid, source: 'missed_call_capture' } }],
    });
  }

  async close(): Promise<void> {
    await this.worker.stop();
    this.module.close();
    await Promise.all([this.app.close(), this.twilio.close(), this.smtp.close(), this.webhooks.close()]);
    await this.handle.close();
  }
}
