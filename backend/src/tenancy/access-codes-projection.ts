import type { Projection, StoredEvent, Trx } from '../storage/events.js';
import './tables.js';
import { ACCESS_CODE_ISSUED, ACCESS_CODE_REVOKED, type AccessCodeIssued, type AccessCodeRevoked } from './access-code-events.js';

/**
 * `access_codes` from access-code events. The same code issued twice with a different
 * `(tenant, mode)` becomes `conflict`, which the resolver refuses (fail closed).
 */
export const accessCodesProjection: Projection = {
  name: 'access_codes',
  handles: [ACCESS_CODE_ISSUED, ACCESS_CODE_REVOKED],
  tables: ['access_codes'],
  async apply(trx: Trx, event: StoredEvent) {
    if (event.type === ACCESS_CODE_ISSUED) {
      const p = event.payload as unknown as AccessCodeIssued;
      if (typeof p.codeHash !== 'string' || typeof p.tenantId !== 'string') return;
      const mode = p.actorMode === 'owner' ? 'owner' : 'client';
      const prior = await trx.selectFrom('access_codes').selectAll().where('code_hash', '=', p.codeHash).executeTakeFirst();
      if (!prior || prior.status === 'revoked') {
        await trx
          .insertInto('access_codes')
          .values({ code_hash: p.codeHash, tenant_id: p.tenantId, actor_mode: mode, source: p.source ?? 'unknown', status: 'active', issued_at: event.occurredAt, updated_at: event.occurredAt })
          .onConflict((oc) =>
            oc.column('code_hash').doUpdateSet({ tenant_id: p.tenantId, actor_mode: mode, source: p.source ?? 'unknown', status: 'active', issued_at: event.occurredAt, updated_at: event.occurredAt }),
          )
          .execute();
        return;
      }
      if (prior.tenant_id !== p.tenantId || prior.actor_mode !== mode) {
        await trx.updateTable('access_codes').set({ status: 'conflict', updated_at: event.occurredAt }).where('code_hash', '=', p.codeHash).execute();
      }
      return;
    }
    const p = event.payload as unknown as AccessCodeRevoked;
    if (typeof p.codeHash !== 'string') return;
    await trx
      .updateTable('access_codes')
      .set({ status: 'revoked', updated_at: event.occurredAt })
      .where('code_hash', '=', p.codeHash)
      .where('tenant_id', '=', p.tenantId)
      .execute();
  },
};
