import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../api/api-client';

/** Every tenant's data lives under `['tenant', id, …]`, so one prefix clears or refreshes it. */
export const tenantKey = (tenantId: string, ...parts: readonly unknown[]) => ['tenant', tenantId, ...parts] as const;

/**
 * The one factory for tenant queries: the key holds every fetch variable (`parts`), and the
 * fetch gets the API client and the abort signal.
 */
export function tenantQuery<T>(api: ApiClient, tenantId: string, parts: readonly unknown[], fetch: (api: ApiClient, signal: AbortSignal) => Promise<T>) {
  return queryOptions({
    queryKey: tenantKey(tenantId, ...parts),
    queryFn: ({ signal }) => fetch(api, signal),
  });
}

/** A cursor-paged list (`{items, next_cursor}`, newest first) under the same keys. */
export function tenantListQuery<T extends { next_cursor: string | null }>(
  api: ApiClient,
  tenantId: string,
  parts: readonly unknown[],
  fetchPage: (api: ApiClient, cursor: string | undefined, signal: AbortSignal) => Promise<T>,
) {
  return infiniteQueryOptions({
    queryKey: tenantKey(tenantId, ...parts),
    queryFn: ({ pageParam, signal }) => fetchPage(api, pageParam ?? undefined, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: T) => last.next_cursor,
  });
}
