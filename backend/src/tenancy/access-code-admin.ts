import type { AccessCodeEntry, ActorMode } from '@vozlia/contract';
import type { Kysely } from 'kysely';
import type { EventStore } from '../storage/event-store.js';
import type { Database } from '../storage/schema.js';
import './tables.js';
import { ACCESS_CODE_ISSUED, ACCESS_CODE_REVOKED, accessCodeStream, type AccessCodeIssued, type AccessCodeRevoked } from './access-code-events.js';
import type { AccessCodeResolver } from './access-code-resolver.js';
import type { KeyedHasher } from './access-hash.js';
import type { Actor } from './tenant-admin.js';

/** A code's public id: the prefix of its keyed hash that names its stream (useless without the server secret). */
const CODE_ID = /^[0-9a-f]{16}$/;
const codeIdOf = (codeHash: string) => codeHash.slice(0, 16);

/**
 * Issued access codes as events: the digits are hashed here and never stored; a code is named
 * afterwards by its id. Revocation is one event whose projection the resolver reads on the next
 * try, on every instance (there is no cache).
 */
export class AccessCodeAdmin {
  readonly #db: Kysely<Database>;
  readonly #events: EventStore;
  readonly #hasher: KeyedHasher;
  readonly #resolver: Pick<AccessCodeResolver, 'known'>;
  readonly #clock: () => Date;

  constructor(deps: { db: Kysely<Database>; events: EventStore; hasher: KeyedHasher; resolver: Pick<AccessCodeResolver, 'known'>; clock?: () => Date }) {
    this.#db = deps.db;
    this.#events = deps.events;
    this.#hasher = deps.hasher;
    this.#resolver = deps.resolver;
    this.#clock = deps.clock ?? (() => new Date());
  }

  /** Known to any source (env tables, issued, revoked): such digits are never issued. */
  known(code: string): Promise<boolean> {
    return this.#resolver.known(code);
  }

  async issue(tenantId: string, code: string, actorMode: ActorMode, actor: Actor): Promise<{ id: string }> {
    const codeHash = this.#hasher.code(code);
    const payload: AccessCodeIssued = { codeHash, tenantId, actorMode, source: 'control_plane' };
    await this.#events.append({
      tenantId,
      stream: accessCodeStream(tenantId, codeHash),
      expectedVersion: 'no_stream',
      events: [{ type: ACCESS_CODE_ISSUED, payload, occurredAt: this.#clock(), metadata: { source: actor.source, actor: actor.by, actor_mode: 'system' } }],
    });
    return { id: codeIdOf(codeHash) };
  }

  /** The tenant's working codes (never their digits), newest first. */
  async list(tenantId: string): Promise<AccessCodeEntry[]> {
    const rows = await this.#db
      .selectFrom('access_codes')
      .select(['code_hash', 'actor_mode', 'issued_at', 'source'])
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'active')
      .orderBy('issued_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: codeIdOf(r.code_hash),
      actor_mode: r.actor_mode === 'owner' ? 'owner' : 'client',
      created_at: new Date(r.issued_at).toISOString(),
      source: r.source,
    }));
  }

  /** False: no working code with this id in this tenant. */
  async revoke(tenantId: string, codeId: string, actor: Actor): Promise<boolean> {
    if (!CODE_ID.test(codeId)) return false;
    const row = await this.#db
      .selectFrom('access_codes')
      .select('code_hash')
      .where('tenant_id', '=', tenantId)
      .where('code_hash', 'like', `${codeId}%`)
      .where('status', '!=', 'revoked')
      .executeTakeFirst();
    if (!row) return false;
    const payload: AccessCodeRevoked = { codeHash: row.code_hash, tenantId };
    await this.#events.append({
      tenantId,
      stream: accessCodeStream(tenantId, row.code_hash),
      events: [{ type: ACCESS_CODE_REVOKED, payload, occurredAt: this.#clock(), metadata: { source: actor.source, actor: actor.by, actor_mode: 'system' } }],
    });
    return true;
  }
}
