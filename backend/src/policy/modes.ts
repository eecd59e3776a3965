import { z } from 'zod';

/** Who is on the line: a customer (`client`) or the business owner (`owner`). */
export const ActorModeSchema = z.enum(['client', 'owner']);
export type ActorMode = z.infer<typeof ActorModeSchema>;

/** How the call reached the tenant: its own number, or the shared line plus an access code. */
export const TenantModeSchema = z.enum(['shared', 'dedicated']);
export type TenantMode = z.infer<typeof TenantModeSchema>;

/** Fail closed: anything that is not exactly `owner` is treated as a client. */
export function normalizeActorMode(value: unknown): ActorMode {
  return value === 'owner' ? 'owner' : 'client';
}
