import { randomBytes } from 'node:crypto';
import {
  NotificationSettingsInput,
  type NotificationSettings,
  type NotificationSettingsValue,
} from '@vozlia/contract';
import type { Kysely, Selectable } from 'kysely';
import type { EventStore } from '../storage/event-store.js';
import type { Trx } from '../storage/events.js';
import type { Database } from '../storage/schema.js';
import { appendOverClaimedVersion } from '../storage/claimed-version.js';
import { NOTIFICATION_SETTINGS_UPDATED, settingsStream, type NotificationSettingsUpdated } from './events.js';
import { effectivePolicies } from './policy.js';
import type { NotificationSettingsTable } from './tables.js';

export type SettingsRow = Pick<Selectable<NotificationSettingsTable>, 'settings' | 'webhook_secret' | 'previous_webhook_secret' | 'previous_secret_until'>;

export async function readSettingsRow(db: Kysely<Database> | Trx, tenantId: string): Promise<SettingsRow | undefined> {
  return db
    .selectFrom('notification_settings')
    .select(['settings', 'webhook_secret', 'previous_webhook_secret', 'previous_secret_until'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
}

/** The stored section as the policy reads it; a row written by an older shape falls back to defaults field by field. */
export function settingsValue(row: SettingsRow | undefined): NotificationSettingsValue | null {
  if (!row) return null;
  const parsed = NotificationSettingsInput.safeParse(row.settings);
  return parsed.success ? parsed.data : NotificationSettingsInput.parse({});
}

/** Secrets to sign with now: the current one, plus the replaced one for 24 h after a rotation. */
export function signingSecrets(row: SettingsRow | undefined, now: Date): string[] {
  if (!row?.webhook_secret) return [];
  const previous = row.previous_webhook_secret && row.previous_secret_until && row.previous_secret_until > now ? [row.previous_webhook_secret] : [];
  return [row.webhook_secret, ...previous];
}

/** `whsec_` + 32 random bytes (Standard Webhooks). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The API shape: secrets shown only as a hint, effective routing spelled out. */
export function toApiSettings(row: SettingsRow | undefined, timeZone: string, newSecret?: string): NotificationSettings {
  const value = settingsValue(row) ?? NotificationSettingsInput.parse({});
  const secret = row?.webhook_secret ?? null;
  return {
    contacts: value.contacts,
    webhook: value.webhook ? { url: value.webhook.url, secret_hint: secret ? `whsec_…${secret.slice(-4)}` : '' } : null,
    quiet_hours: value.quiet_hours,
    customer_confirmations: value.customer_confirmations,
    policies: value.policies,
    effective: effectivePolicies(value),
    time_zone: timeZone,
    ...(newSecret ? { new_webhook_secret: newSecret } : {}),
  };
}

/**
 * Replaces a tenant's section (already validated). A webhook without a secret keeps the stored
 * one, or gets a fresh one that is returned once. Appends one event; the projection follows.
 */
export async function saveSettings(
  deps: { db: Kysely<Database>; events: EventStore; clock: () => Date; metadata?: Record<string, unknown> },
  tenantId: string,
  input: NotificationSettingsValue,
  /** The section's version the writer read (`If-Match`; null: a tag naming none): 'stale' when it has changed since, nothing written. */
  claimedVersion?: number | null,
): Promise<{ row: SettingsRow | undefined; newSecret?: string; version: number } | 'stale'> {
  const prior = await readSettingsRow(deps.db, tenantId);
  let newSecret: string | undefined;
  let webhook: NotificationSettingsUpdated['settings']['webhook'] = null;
  if (input.webhook) {
    const secret = input.webhook.secret ?? prior?.webhook_secret ?? (newSecret = newWebhookSecret());
    webhook = { url: input.webhook.url, secret };
  }
  const payload: NotificationSettingsUpdated = { tenantId, settings: { ...input, webhook } };
  const appended = await appendOverClaimedVersion(
    deps.events,
    { tenantId, stream: settingsStream(tenantId), events: [{ type: NOTIFICATION_SETTINGS_UPDATED, payload, occurredAt: deps.clock(), metadata: { source: 'tenant_api', ...deps.metadata } }] },
    claimedVersion,
  );
  if (appended === 'stale') return 'stale';
  // The version appended at, then the row: a write in between makes the row newer than its tag, never older.
  return { row: await readSettingsRow(deps.db, tenantId), version: appended.version, ...(newSecret ? { newSecret } : {}) };
}

/**
 * A receiver answered 410 Gone (Standard Webhooks: stop sending): the tenant's webhook is
 * removed, in the transaction that records the dead message, unless it was changed meanwhile.
 */
export async function removeGoneWebhook(trx: Trx, events: EventStore, tenantId: string, url: string, at: Date): Promise<boolean> {
  const value = settingsValue(await readSettingsRow(trx, tenantId));
  if (!value?.webhook || value.webhook.url !== url) return false;
  const payload: NotificationSettingsUpdated = { tenantId, settings: { ...value, webhook: null } };
  await events.appendIn(trx, {
    tenantId,
    stream: settingsStream(tenantId),
    events: [{ type: NOTIFICATION_SETTINGS_UPDATED, payload, occurredAt: at, metadata: { source: 'notifications', reason: 'endpoint_gone' } }],
  });
  return true;
}
