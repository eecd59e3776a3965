import { queryOptions } from '@tanstack/react-query';
import { LoginRequest, SessionInfo, type ChangePasswordRequest } from '@vozlia/contract';
import type { ApiClient } from '@/lib/api/api-client';
import { ApiError } from '@/lib/api/api-error';

export const sessionKey = ['session'] as const;
const SESSION_STALE_MS = 5 * 60_000;

/** Who is signed in, or null: a 401 here is an answer, not an error. */
export const sessionQuery = (api: ApiClient) =>
  queryOptions({
    queryKey: sessionKey,
    queryFn: async ({ signal }): Promise<SessionInfo | null> => {
      try {
        return await api.get('/api/auth/me', SessionInfo, undefined, signal);
      } catch (err) {
        if (err instanceof ApiError && err.kind === 'unauthorized') return null;
        throw err;
      }
    },
    staleTime: SESSION_STALE_MS,
  });

export const signIn = (api: ApiClient, body: LoginRequest) => api.send('POST', '/api/auth/login', body, SessionInfo);
export const signOut = (api: ApiClient) => api.send('POST', '/api/auth/logout', {}, null);
export const changePassword = (api: ApiClient, body: ChangePasswordRequest) =>
  api.send('POST', '/api/auth/password', { current_password: body.current_password, new_password: body.new_password }, null);
