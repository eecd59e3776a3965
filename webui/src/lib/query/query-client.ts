import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';

export const STALE_TIME_MS = 30_000;
const MAX_RETRIES = 2;

/** A 4xx will say the same thing again: only network and server failures are retried. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.isClientError) return false;
  return failureCount < MAX_RETRIES;
}

/** One client per browser tab; `onUnauthorized` runs for any 401, query or mutation. */
export function makeQueryClient(onUnauthorized: () => void): QueryClient {
  const on401 = (error: unknown) => {
    if (error instanceof ApiError && error.kind === 'unauthorized') onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: on401 }),
    mutationCache: new MutationCache({ onError: on401 }),
    defaultOptions: {
      queries: { staleTime: STALE_TIME_MS, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
