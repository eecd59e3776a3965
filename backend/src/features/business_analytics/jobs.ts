import { nextSlot, slotDedupeKey, SKILL_RUN_QUEUE } from '../../analytics/skills/skill-schedule.js';
import type { JobHandler } from '../../storage/jobs.js';
import type { FeaturePorts } from '../types.js';

export interface SkillRunJob {
  tenantId: string;
  skillId: string;
  /** ISO instant of the slot this job is for. */
  slot: string;
  /** The schedule the slot came from: a job for a changed schedule is stale and does nothing. */
  schedule: string;
}

/**
 * One scheduled run, then the next slot is enqueued (dedupe key `skill:<id>:<slot>`, so a retry
 * or a second instance never doubles it). A deleted or re-scheduled skill ends its old chain.
 */
export function skillJobs(ports: FeaturePorts): Record<string, JobHandler> {
  return {
    [SKILL_RUN_QUEUE]: async (payload) => {
      const job = payload as unknown as SkillRunJob;
      const tenant = await ports.reads.tenants.get(job.tenantId);
      const skill = tenant && (await ports.analytics.findSkill(tenant.id, { id: job.skillId }));
      if (!tenant || !skill || skill.schedule !== job.schedule) return;
      await ports.analytics.runSkill(tenant, skill, { source: 'schedule', actorMode: 'system', slot: new Date(job.slot) });
      const after = new Date(Math.max(new Date(job.slot).getTime(), ports.clock().getTime()));
      const slot = nextSlot(job.schedule, tenant.timeZone, after);
      const next: SkillRunJob = { ...job, slot: slot.toISOString() };
      await ports.jobs.enqueue(SKILL_RUN_QUEUE, { ...next }, { runAt: slot, dedupeKey: slotDedupeKey(job.skillId, slot) });
    },
  };
}
