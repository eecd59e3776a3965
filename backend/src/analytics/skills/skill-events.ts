import { z } from 'zod';

export const SKILL_SAVED = 'skill.saved';
export const SKILL_DELETED = 'skill.deleted';
export const SKILL_RAN = 'skill.ran';
/** Owned by the notifications projection (client features); appended here by type name only. */
export const NOTIFICATION_QUEUED = 'notification.queued';

export const SkillChannelSchema = z.enum(['sms', 'email', 'portal']);
export type SkillChannel = z.infer<typeof SkillChannelSchema>;

export const skillStream = (skillId: string) => ({ type: 'skill', id: skillId });

/** A skill is a saved spec, never SQL; it is re-validated at every run. */
export interface SkillSaved {
  skillId: string;
  tenantId: string;
  name: string;
  spec: Record<string, unknown>;
  /** Five-field cron in the tenant's time zone, or null for on-demand only. */
  schedule: string | null;
  channel: SkillChannel;
}

export interface SkillDeleted {
  skillId: string;
  tenantId: string;
}

export interface SkillRan {
  skillId: string;
  tenantId: string;
  auditId: string;
  outcome: 'ok' | 'invalid' | 'error';
  source: 'voice' | 'portal' | 'schedule';
  /** The schedule slot (ISO) for scheduled runs. */
  slot: string | null;
}

/** Agreed payload of `notification.queued` (plus tenantId and references). */
export interface NotificationQueued {
  notificationId: string;
  tenantId: string;
  kind: 'skill_result';
  channel: SkillChannel;
  subject: string;
  body: string;
  ref: { skillId: string; auditId: string; status: 'ok' | 'needs_attention' };
}
