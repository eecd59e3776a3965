import type { CreateTenantRequest, Tenant as ApiTenant, TenantSettingsValue } from '@vozlia/contract';
import { sql, type Kysely } from 'kysely';
import type { EventStore } from '../storage/event-store.js';
import { appendOverClaimedVersion } from '../storage/claimed-version.js';
import type { Database } from '../storage/schema.js';
import './tables.js';
import {
  TENANT_CREATED,
  TENANT_DELETED,
  TENANT_RESUMED,
  TENANT_SETTINGS_CHANGED,
  TENANT_SUSPENDED,
  tenantStream,
  type TenantCreated,
  type TenantSettingsChanged,
  type TenantStatusChanged,
} from './tenant-events.js';
import { toTenant } from './tenant-repository.js';
import type { Tenant } from './tenant.js';
import { settingsOf } from './tenant-settings.js';

export type CreateTenantOutcome = { ok: true; tenant: ApiTenant } | { ok: false; reason: 'id_taken' } | { ok: false; reason: 'number_taken'; number: string };

/** Who acted, on every event's metadata (the admin API, the portal, the seed). */
export interface Actor {
  source: string;
  by: string;
}

/** The owner's settings as stored, with the version of the tenant's stream (the settings' `ETag`). */
export interface StoredSettings {
  settings: TenantSettingsValue;
  updatedAt: Date;
  version: number;
}

/** Tenants are created one at a time: the id and number checks and the append see one state. */
const CREATE_LOCK = 'vozlia:tenant_create';

/**
 * Provisioning over the event store: create (id and numbers unique across tenants), suspend,
 * resume, delete (history kept) or purge (history erased), and the owner's settings. Every
 * change is an event; the tenants projection follows inside the same transaction.
 */
export class TenantAdmin {
  readonly #db: Kysely<Database>;
  readonly #events: EventStore;
  readonly #clock: () => Date;

  constructor(db: Kysely<Database>, events: EventStore, clock: () => Date = () => new Date()) {
    this.#db = db;
    this.#events = events;
    this.#clock = clock;
  }

  async create(req: CreateTenantRequest, actor: Actor): Promise<CreateTenantOutcome> {
    return this.#db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${CREATE_LOCK}))`.execute(trx);
      const existing = await trx.selectFrom('events').select('position').where('stream_type', '=', 'tenant').where('stream_id', '=', req.id).limit(1).executeTakeFirst();
      if (existing) return { ok: false, reason: 'id_taken' } as const;
      const numbers = [...new Set(req.phone_numbers)];
      if (numbers.length) {
        const taken = await trx.selectFrom('tenant_phone_numbers').select('phone_number').where('phone_number', 'in', numbers).limit(1).executeTakeFirst();
        if (taken) return { ok: false, reason: 'number_taken', number: taken.phone_number } as const;
      }
      const payload: TenantCreated = { tenantId: req.id, displayName: req.name, vertical: req.vertical, timeZone: req.time_zone, phoneNumbers: numbers, settings: {} };
      await this.#events.appendIn(trx, {
        tenantId: req.id,
        stream: tenantStream(req.id),
        expectedVersion: 'no_stream',
        events: [{ type: TENANT_CREATED, payload, occurredAt: this.#clock(), metadata: meta(actor) }],
      });
      const row = await trx.selectFrom('tenants').selectAll().where('id', '=', req.id).executeTakeFirstOrThrow();
      return { ok: true, tenant: toApiTenant(toTenant(row)) } as const;
    });
  }

  async list(): Promise<ApiTenant[]> {
    const rows = await this.#db.selectFrom('tenants').selectAll().orderBy('id').execute();
    return rows.map((r) => toApiTenant(toTenant(r)));
  }

  async get(id: string): Promise<ApiTenant | undefined> {
    const tenant = await this.#tenant(id);
    return tenant && toApiTenant(tenant);
  }

  /** Suspends or resumes; a no-op when already so (no event). Undefined: no such tenant. */
  async setStatus(id: string, status: 'active' | 'suspended', actor: Actor): Promise<ApiTenant | undefined> {
    const tenant = await this.#tenant(id);
    if (!tenant) return undefined;
    if ((tenant.status ?? 'active') !== status) {
      const payload: TenantStatusChanged = { tenantId: id, by: actor.by };
      await this.#events.append({
        tenantId: id,
        stream: tenantStream(id),
        events: [{ type: status === 'suspended' ? TENANT_SUSPENDED : TENANT_RESUMED, payload, occurredAt: this.#clock(), metadata: meta(actor) }],
      });
    }
    return toApiTenant({ ...tenant, status });
  }

  /**
   * Deletes a tenant: gone for calls, sign-in and the API, its numbers freed, its history kept
   * (the id stays taken). With `purge`, every event and every row naming the tenant is erased in
   * one transaction, and the id is free again. False: nothing to delete.
   */
  async remove(id: string, opts: { purge: boolean }, actor: Actor): Promise<boolean> {
    const tenant = await this.#tenant(id);
    if (!tenant && !opts.purge) return false;
    if (tenant) {
      await this.#events.append({
        tenantId: id,
        stream: tenantStream(id),
        events: [{ type: TENANT_DELETED, payload: { tenantId: id, by: actor.by } satisfies TenantStatusChanged, occurredAt: this.#clock(), metadata: meta(actor) }],
      });
    }
    if (!opts.purge) return true;
    return (await this.#purge(id)) > 0 || tenant !== undefined;
  }

  /** The owner's settings, with the tenant stream's version (read first: a write in between can only make it older). */
  async settings(id: string): Promise<StoredSettings | undefined> {
    const version = await this.#events.streamVersion(tenantStream(id));
    const row = await this.#db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { settings: settingsOf(toTenant(row)), updatedAt: new Date(row.updated_at), version };
  }

  /**
   * Replaces the owner's settings (already validated) with one event; with `expectedVersion`,
   * only if the tenant's stream is still at that version ('stale' otherwise, or when it is null:
   * a tag naming no version; nothing written).
   */
  async putSettings(id: string, settings: TenantSettingsValue, actor: Actor, expectedVersion?: number | null): Promise<StoredSettings | 'stale' | undefined> {
    if (!(await this.#tenant(id))) return undefined;
    const payload: TenantSettingsChanged = { tenantId: id, settings };
    const event = { type: TENANT_SETTINGS_CHANGED, payload, occurredAt: this.#clock(), metadata: meta(actor) };
    if ((await appendOverClaimedVersion(this.#events, { tenantId: id, stream: tenantStream(id), events: [event] }, expectedVersion)) === 'stale') return 'stale';
    return this.settings(id);
  }

  async #tenant(id: string): Promise<Tenant | undefined> {
    const row = await this.#db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toTenant(row);
  }

  /** Every table with a `tenant_id` column, found by introspection so no module's rows are missed. */
  async #purge(id: string): Promise<number> {
    return this.#db.transaction().execute(async (trx) => {
      await sql`select set_config('vozlia.purge_tenant', ${id}, true)`.execute(trx);
      const tables = await sql<{ table_name: string }>`
        select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.column_name = 'tenant_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
        order by c.table_name`.execute(trx);
      let removed = 0;
      // Foreign keys between tenant tables (invoice lines → invoices) fix an order we do not
      // know: each delete runs under a savepoint, a refused one is retried after the others.
      let pending = tables.rows.map((r) => r.table_name);
      while (pending.length) {
        const refused: string[] = [];
        for (const table of pending) {
          await sql`savepoint purge_table`.execute(trx);
          try {
            const r = await sql`delete from ${sql.table(table)} where tenant_id = ${id}`.execute(trx);
            removed += Number(r.numAffectedRows ?? 0);
            await sql`release savepoint purge_table`.execute(trx);
          } catch (err) {
            await sql`rollback to savepoint purge_table`.execute(trx);
            refused.push(table);
            if (refused.length === pending.length) throw err;
          }
        }
        pending = refused;
      }
      await trx.deleteFrom('tenants').where('id', '=', id).execute();
      return removed;
    });
  }
}

export function toApiTenant(t: Tenant): ApiTenant {
  return { id: t.id, name: t.displayName, vertical: t.vertical, time_zone: t.timeZone, phone_numbers: t.phoneNumbers, status: t.status ?? 'active' };
}

const meta = (actor: Actor) => ({ source: actor.source, actor: actor.by, actor_mode: 'system' as const });
