import { z } from 'zod';

/** Contract §7: owner accounts. */
export const Role = z.enum(['owner', 'staff']);
export type Role = z.infer<typeof Role>;

/** Emails are compared trimmed and lower-cased, so `Owner@X.test` and `owner@x.test` are one account. */
export const Email = z.string().trim().toLowerCase().email().max(254);

/** A new password: 8 to 256 characters, never truncated (a longer one is refused, not cut). */
export const PASSWORD_MIN_CHARS = 8;
export const PASSWORD_MAX_CHARS = 256;
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_CHARS, `must be at least ${PASSWORD_MIN_CHARS} characters`)
  .max(PASSWORD_MAX_CHARS, `must be at most ${PASSWORD_MAX_CHARS} characters`);

export const LoginRequest = z.object({
  email: Email,
  password: z.string().min(1).max(PASSWORD_MAX_CHARS),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const User = z.object({ email: z.string(), tenant_id: z.string(), role: Role });
export type User = z.infer<typeof User>;

/** Login and `GET /api/auth/me`: the user, and the CSRF token the portal sends back in `X-CSRF-Token`. */
export const SessionInfo = z.object({ user: User, csrf_token: z.string() });
export type SessionInfo = z.infer<typeof SessionInfo>;

/** `POST /api/auth/password`: change one's own password; the user's other sessions end. */
export const ChangePasswordRequest = z.object({
  current_password: z.string().min(1).max(PASSWORD_MAX_CHARS),
  new_password: NewPassword,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** The header that carries the CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-csrf-token';
