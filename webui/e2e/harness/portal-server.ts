import type { Runtime } from '../../../backend/src/main.js';
import { startOpenAiTextFake, type FakeReply, type FakeRequest, type OpenAiTextFake } from '../../../backend/src/testing/openai-text-fake.js';
import { openRuntimeTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../../backend/src/testing/test-db.js';
import { startTestRuntime } from '../../../backend/src/testing/test-runtime.js';
import { assertExportFresh } from './export-fresh.js';

export const ADMIN_TOKEN = 'browser-test-admin-token';

/** Contract §6–§7: the demo owners the seed adds. */
export const DEMO = {
  restaurant: { tenantId: 'demo_restaurant', email: 'owner@demo-restaurant.test', password: 'demo-restaurant-pass' },
  barbershop: { tenantId: 'demo_barbershop', email: 'owner@demo-barbershop.test', password: 'demo-barbershop-pass' },
} as const;

/** "How many orders last week": the spec the fake text model answers with (contract §5). */
export const ORDERS_LAST_WEEK = {
  subject: 'orders',
  metrics: [{ fn: 'count', field: null, as: 'orders' }],
  group_by: [],
  filters: [],
  time_range: { field: 'created_at', preset: 'last_week', from: null, to: null },
  order_by: [],
  limit: null,
};

/** A session as a script holds it: the cookie, and the CSRF token its writes send back (§7). */
export interface ApiSession {
  cookie: string;
  csrf: string;
}

export interface Portal {
  /** Where chromium goes: the backend serving the export and the API on one port. */
  baseUrl: string;
  runtime: Runtime;
  textModel: OpenAiTextFake;
  /** The API as a script (not the browser) sees it: for figures to compare and set-up. */
  api(path: string, init?: { method?: string; body?: unknown; session?: ApiSession; admin?: boolean }): Promise<{ status: number; body: unknown; headers: Headers }>;
  /** A demo owner's session, signed in through the API. */
  signInApi(who: { email: string; password: string }): Promise<ApiSession>;
  close(): Promise<void>;
}

/**
 * The real backend, as `npm start` composes it, serving the built export; demo tenants seeded,
 * the text model a local fake that turns every question into `textModelReply`. On PostgreSQL
 * when TEST_DATABASE_URL is set (as in CI), else PGlite in memory.
 */
export async function startPortal(textModelReply: (req: FakeRequest) => FakeReply = () => ({ toolCall: { name: 'query_business_metrics', arguments: ORDERS_LAST_WEEK } })): Promise<Portal> {
  assertExportFresh();
  const textModel = await startOpenAiTextFake(textModelReply);
  let database: TestDatabase | undefined;
  let runtime: Runtime | undefined;
  try {
    database = TEST_DATABASE_URL ? await openRuntimeTestDatabase('postgres') : undefined;
    runtime = await startTestRuntime({
      listen: true,
      env: { VOZ_ADMIN_TOKEN: ADMIN_TOKEN, OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: textModel.baseUrl },
      ...(database?.url ? { databaseUrl: database.url } : {}),
    });
  } catch (err) {
    await textModel.close();
    await database?.close();
    throw err;
  }
  const baseUrl = runtime.url!.replace('0.0.0.0', '127.0.0.1');
  const started = runtime;

  const api: Portal['api'] = async (path, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.session) {
      headers.cookie = init.session.cookie;
      // The portal's own requests: same origin, the session's CSRF token.
      headers['x-csrf-token'] = init.session.csrf;
      headers.origin = baseUrl;
    }
    if (init.admin) headers.authorization = `Bearer ${ADMIN_TOKEN}`;
    const res = await fetch(`${baseUrl}${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : null };
  };

  return {
    baseUrl,
    runtime,
    textModel,
    api,
    async signInApi(who) {
      const res = await api('/api/auth/login', { method: 'POST', body: { email: who.email, password: who.password } });
      if (res.status !== 200) throw new Error(`sign-in as ${who.email} answered ${res.status}`);
      return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: (res.body as { csrf_token: string }).csrf_token };
    },
    async close() {
      await started.close();
      await textModel.close();
      await database?.close();
    },
  };
}
