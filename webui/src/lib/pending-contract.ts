import { ActorMode } from '@vozlia/contract';
import { z } from 'zod';

/*
 * The one shape the portal reads that has not landed in @vozlia/contract yet: the owner's list
 * of issued access codes (tenant-scoped `GET access-codes`, helper `provisioning`). When
 * contract/src/admin.ts exports it, import from there and delete this file.
 */

/** A code as listed after issuing: never its digits. */
export const AccessCodeEntry = z.object({ id: z.string(), actor_mode: ActorMode, created_at: z.string().nullable().optional(), source: z.string().optional() });
export type AccessCodeEntry = z.infer<typeof AccessCodeEntry>;
export const AccessCodeList = z.object({ items: z.array(AccessCodeEntry) });
