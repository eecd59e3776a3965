import '../tables.js';
import type { Projection, StoredEvent, Trx } from '../../storage/events.js';
import { SKILL_DELETED, SKILL_RAN, SKILL_SAVED, type SkillDeleted, type SkillRan, type SkillSaved } from './skill-events.js';

/** `analytics_skills`: the current saved skills per tenant, with their last run. */
export const skillsProjection: Projection = {
  name: 'analytics_skills',
  handles: [SKILL_SAVED, SKILL_DELETED, SKILL_RAN],
  tables: ['analytics_skills'],
  async apply(trx: Trx, event: StoredEvent) {
    if (event.type === SKILL_SAVED) {
      const p = event.payload as unknown as SkillSaved;
      if (typeof p.skillId !== 'string' || typeof p.name !== 'string') return;
      await trx
        .insertInto('analytics_skills')
        .values({
          skill_id: p.skillId,
          tenant_id: event.tenantId,
          name: p.name,
          spec: JSON.stringify(p.spec ?? {}),
          schedule: p.schedule ?? null,
          channel: p.channel ?? 'portal',
          created_at: event.occurredAt,
          updated_at: event.occurredAt,
        })
        .onConflict((oc) =>
          oc.column('skill_id').doUpdateSet({
            name: p.name,
            spec: JSON.stringify(p.spec ?? {}),
            schedule: p.schedule ?? null,
            channel: p.channel ?? 'portal',
            updated_at: event.occurredAt,
          }),
        )
        .execute();
      return;
    }
    if (event.type === SKILL_DELETED) {
      const p = event.payload as unknown as SkillDeleted;
      await trx.deleteFrom('analytics_skills').where('skill_id', '=', p.skillId).where('tenant_id', '=', event.tenantId).execute();
      return;
    }
    const p = event.payload as unknown as SkillRan;
    await trx
      .updateTable('analytics_skills')
      .set((eb) => ({ last_run_at: event.occurredAt, last_outcome: p.outcome, last_audit_id: p.auditId, runs: eb('runs', '+', 1) }))
      .where('skill_id', '=', p.skillId)
      .where('tenant_id', '=', event.tenantId)
      .execute();
  },
};
