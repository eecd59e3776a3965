import { etagOf, MessageListQuery, NotificationSettingsInput, versionOfIfMatch, type Role } from '@vozlia/contract';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { NotFoundError, StaleDocumentError, ValidationError } from '../server/errors.js';
import type { EventStore } from '../storage/event-store.js';
import type { Database } from '../storage/schema.js';
import { getMessage, listMessages } from './message-reads.js';
import { settingsStream } from './events.js';
import { readSettingsRow, saveSettings, toApiSettings } from './settings.js';

export interface NotificationTenantRoutesOptions {
  db: Kysely<Database>;
  events: EventStore;
  /** When a change happens (a secret rotation's 24 h window counts from it). */
  clock: () => Date;
  /** Who may read and change the section (contacts, webhook, quiet hours); the tenant gate enforces it. Messages: every role. */
  settingsRoles?: readonly Role[];
}

type TenantParams = { tenant_id: string };

/** One line naming the field and the problem, for a 400. */
function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new ValidationError(`${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
}

/**
 * The tenant API's notifications section. Mounted by the backend under
 * `/api/tenants/:tenant_id`, behind its tenant gate (which has already checked the caller).
 */
export const notificationTenantRoutes: FastifyPluginAsync<NotificationTenantRoutesOptions> = async (app, { db, events, clock, settingsRoles }) => {
  const settings = settingsRoles ? { config: { roles: settingsRoles } } : {};
  const timeZone = async (tenantId: string) => {
    const t = await db.selectFrom('tenants').select('time_zone').where('id', '=', tenantId).executeTakeFirst();
    if (!t) throw new NotFoundError('no such tenant');
    return t.time_zone;
  };

  // The section's version is its `ETag` (read before the section); a PUT with `If-Match` over an older one is a 412.
  const tagged = (reply: FastifyReply, version: number) => void reply.header('etag', etagOf(version)).header('cache-control', 'no-store');

  app.get<{ Params: TenantParams }>('/notifications/settings', settings, async (req, reply) => {
    const zone = await timeZone(req.params.tenant_id);
    tagged(reply, await events.streamVersion(settingsStream(req.params.tenant_id)));
    return toApiSettings(await readSettingsRow(db, req.params.tenant_id), zone);
  });

  app.put<{ Params: TenantParams }>('/notifications/settings', settings, async (req, reply) => {
    const zone = await timeZone(req.params.tenant_id);
    const input = parseOr400(NotificationSettingsInput, req.body ?? {});
    const saved = await saveSettings({ db, events, clock }, req.params.tenant_id, input, versionOfIfMatch(req.headers['if-match']));
    if (saved === 'stale') throw new StaleDocumentError('notification settings');
    tagged(reply, saved.version);
    return toApiSettings(saved.row, zone, saved.newSecret);
  });

  app.get<{ Params: TenantParams }>('/notifications/messages', async (req) => {
    await timeZone(req.params.tenant_id);
    return listMessages(db, req.params.tenant_id, parseOr400(MessageListQuery, req.query));
  });

  app.get<{ Params: TenantParams & { message_id: string } }>('/notifications/messages/:message_id', async (req) => {
    const message = await getMessage(db, req.params.tenant_id, req.params.message_id);
    if (!message) throw new NotFoundError('no such message');
    return message;
  });
};
