import { nextSlot, slotDedupeKey, SKILL_RUN_QUEUE } from '../../analytics/skills/skill-schedule.js';
import { SKILL_SAVED, type SkillSaved } from '../../analytics/skills/skill-events.js';
import type { Reactor } from '../../storage/events.js';
import type { InlineDeps } from '../types.js';
import type { SkillRunJob } from './jobs.js';

/** A saved skill with a schedule gets its first slot enqueued in the same transaction. */
export function skillReactors(deps: InlineDeps): readonly Reactor[] {
  return [
    {
      name: 'business_analytics.schedule_skill',
      handles: [SKILL_SAVED],
      async react(trx, event) {
        const p = event.payload as unknown as SkillSaved;
        if (!p.schedule) return;
        const tenant = await deps.reads.within(trx).tenants.get(event.tenantId);
        if (!tenant) return;
        let slot: Date;
        try {
          slot = nextSlot(p.schedule, tenant.timeZone, deps.clock());
        } catch {
          return; // validated before saving; a bad recorded schedule just never runs
        }
        const job: SkillRunJob = { tenantId: event.tenantId, skillId: p.skillId, slot: slot.toISOString(), schedule: p.schedule };
        await deps.jobs.enqueue(SKILL_RUN_QUEUE, { ...job }, { runAt: slot, dedupeKey: slotDedupeKey(p.skillId, slot) }, trx);
      },
    },
  ];
}
