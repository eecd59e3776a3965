import type { AccessCodeEntry, ActorMode, CreateTenantRequest, Tenant, TenantSettingsValue } from '@vozlia/contract';
import type { FastifyRequest } from 'fastify';

/**
 * What provisioning needs from the backend, as ports: the composition root hands in the
 * backend's tenancy services (tenancy/tenant-admin.ts, tenancy/access-code-admin.ts), which
 * keep every change as an event. control_plane never imports the backend.
 */

/** Who acted: recorded on each event's metadata; never a password or a code. */
export interface Actor {
  source: 'admin_api' | 'tenant_api';
  by: string;
}

export type CreateTenantOutcome = { ok: true; tenant: Tenant } | { ok: false; reason: 'id_taken' } | { ok: false; reason: 'number_taken'; number: string };

export interface StoredSettings {
  settings: TenantSettingsValue;
  updatedAt: Date;
  /** The tenant stream's version: the settings' `ETag`. */
  version: number;
}

export interface TenantDirectoryPort {
  create(req: CreateTenantRequest, actor: Actor): Promise<CreateTenantOutcome>;
  list(): Promise<Tenant[]>;
  get(id: string): Promise<Tenant | undefined>;
  /** Undefined: no such tenant. */
  setStatus(id: string, status: 'active' | 'suspended', actor: Actor): Promise<Tenant | undefined>;
  /** False: nothing to delete. */
  remove(id: string, opts: { purge: boolean }, actor: Actor): Promise<boolean>;
  settings(id: string): Promise<StoredSettings | undefined>;
  /** Undefined: no such tenant; 'stale': the tenant changed since `expectedVersion`, or it is null (an `If-Match` naming no version); nothing written. */
  putSettings(id: string, settings: TenantSettingsValue, actor: Actor, expectedVersion?: number | null): Promise<StoredSettings | 'stale' | undefined>;
}

export interface AccessCodesPort {
  /** The digits mean something to some source already (env tables, issued, revoked). */
  known(code: string): Promise<boolean>;
  /** Stores the keyed hash only; returns the code's id. */
  issue(tenantId: string, code: string, actorMode: ActorMode, actor: Actor): Promise<{ id: string }>;
  list(tenantId: string): Promise<AccessCodeEntry[]>;
  /** False: no working code with this id in this tenant. */
  revoke(tenantId: string, codeId: string, actor: Actor): Promise<boolean>;
}

/** The admin API's policy (the bearer; loopback when no token is configured). */
export type IsAdmin = (request: FastifyRequest) => boolean;
