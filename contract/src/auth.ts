import { z } from 'zod';

/** Contract §7: owner accounts. */
export const Role = z.enum(['owner', 'staff']);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const User = z.object({ email: z.string(), tenant_id: z.string(), role: Role });
export type User = z.infer<typeof User>;

/** Login and `GET /api/auth/me`: the user, and the CSRF token the portal sends back in `X-CSRF-Token`. */
export const SessionInfo = z.object({ user: User, csrf_token: z.string() });
export type SessionInfo = z.infer<typeof SessionInfo>;
