import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiClient, tenantPath, withQuery } from './api-client';
import { ApiError } from './api-error';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('ApiClient', () => {
  afterEach(() => vi.unstubAllGlobals());
  const client = new ApiClient({ csrfToken: () => 'csrf-1' });

  it('sends the session cookie and the CSRF token on writes only', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    await client.get('/api/x', z.object({ ok: z.boolean() }));
    await client.send('POST', '/api/x', { a: 1 }, z.object({ ok: z.boolean() }));
    const [getInit, postInit] = fetch.mock.calls.map((c) => (c as unknown as [string, RequestInit])[1]);
    expect(getInit!.credentials).toBe('same-origin');
    expect(getInit!.headers).not.toHaveProperty('x-csrf-token');
    expect(postInit!.headers).toMatchObject({ 'x-csrf-token': 'csrf-1', 'content-type': 'application/json' });
    expect(postInit!.body).toBe('{"a":1}');
  });

  it('types failures: a 400 with its fields, a 429 with its wait, an answer off the contract', async () => {
    vi.stubGlobal('fetch', async () => json(400, { error: 'invalid', message: 'name: too long' }));
    await expect(client.get('/api/x', z.object({}))).rejects.toMatchObject({ kind: 'invalid', fieldErrors: { name: 'too long' } });
    vi.stubGlobal('fetch', async () => json(429, { error: 'rate_limited', message: 'slow down' }, { 'retry-after': '600' }));
    await expect(client.get('/api/x', z.object({}))).rejects.toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 600 });
    vi.stubGlobal('fetch', async () => json(200, { total: 'twelve' }));
    await expect(client.get('/api/x', z.object({ total: z.number() }))).rejects.toMatchObject({ kind: 'bad_response' });
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('fetch failed')));
    await expect(client.get('/api/x', z.object({}))).rejects.toBeInstanceOf(ApiError);
  });

  it('reads a document with its ETag and writes it back in If-Match; a 412 is "stale", worded for the person at the form', async () => {
    const fetch = vi.fn(async () => json(200, { v: 1 }, { etag: '"v7"' }));
    vi.stubGlobal('fetch', fetch);
    const doc = z.object({ v: z.number() });
    await expect(client.getVersioned('/api/x', doc)).resolves.toEqual({ doc: { v: 1 }, etag: '"v7"' });
    await client.putVersioned('/api/x', { v: 2 }, doc, '"v7"');
    await client.putVersioned('/api/x', { v: 2 }, doc, null);
    const [, withTag, without] = fetch.mock.calls.map((c) => (c as unknown as [string, RequestInit])[1].headers as Record<string, string>);
    expect(withTag).toMatchObject({ 'if-match': '"v7"', 'x-csrf-token': 'csrf-1' });
    expect(without).not.toHaveProperty('if-match');
    vi.stubGlobal('fetch', async () => json(412, { error: 'stale', message: 'the menu changed after this copy was read' }));
    await expect(client.putVersioned('/api/x', {}, doc, '"v6"')).rejects.toMatchObject({ kind: 'stale', status: 412, message: expect.stringContaining('Reload the page') });
  });

  it('takes a 204 as done', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(client.send('DELETE', '/api/x', undefined, null)).resolves.toBeUndefined();
  });

  it('builds paths with every segment encoded and empty filters left out', () => {
    expect(tenantPath('demo_restaurant', 'calls', 'CA 1/2')).toBe('/api/tenants/demo_restaurant/calls/CA%201%2F2');
    expect(withQuery('/api/x', { status: 'ready', from: undefined, to: '', limit: 25 })).toBe('/api/x?status=ready&limit=25');
  });
});
