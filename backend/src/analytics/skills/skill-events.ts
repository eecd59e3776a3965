import { z } from 'zod';
import type { NotificationQueued } from '../../features/notification-events.js';

export const SKILL_SAVED = 'skill.saved';
export const SKILL_DELETED = 'skill.deleted';
export const SKILL_RAN = 'skill.ran';

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

/** A saved skill's result (or its need for attention), as a notification request. */
export interface SkillNotification extends NotificationQueued {
  kind: 'skill_result';
  channel: SkillChannel;
  body: string;
  ref: { skillId: string; auditId: string; status: 'ok' | 'needs_attention' };
}
