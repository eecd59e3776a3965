import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { makeQueryClient, shouldRetry } from './query-client';

describe('query client', () => {
  it('never retries a 4xx, retries a server or network failure twice', () => {
    expect(shouldRetry(0, new ApiError({ kind: 'forbidden', status: 403, message: 'no' }))).toBe(false);
    expect(shouldRetry(0, new ApiError({ kind: 'server', status: 503, message: 'busy' }))).toBe(true);
    expect(shouldRetry(2, new ApiError({ kind: 'network', status: 0, message: 'offline' }))).toBe(false);
  });

  it('reports a 401 from any query and only a 401', async () => {
    const onUnauthorized = vi.fn();
    const client = makeQueryClient(onUnauthorized);
    await client.fetchQuery({ queryKey: ['a'], queryFn: () => Promise.reject(new ApiError({ kind: 'unauthorized', status: 401, message: 'x' })), retry: false }).catch(() => {});
    await client.fetchQuery({ queryKey: ['b'], queryFn: () => Promise.reject(new ApiError({ kind: 'not_found', status: 404, message: 'x' })), retry: false }).catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});
