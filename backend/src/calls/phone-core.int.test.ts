import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCore } from '../compose/core.js';
import { loadConfig } from '../config/load-config.js';
import { FeatureRegistry } from '../features/registry.js';
import type { FeatureModule } from '../features/types.js';
import type { EventStore } from '../storage/event-store.js';
import type { Database } from '../storage/schema.js';
import { GateLockouts } from './gate-lockouts.js';
import { ACCESS_CODE_ISSUED, accessCodeStream } from '../tenancy/access-code-events.js';
import { AccessCodeResolver } from '../tenancy/access-code-resolver.js';
import { KeyedHasher } from '../tenancy/access-hash.js';
import { loadServerSecret } from '../tenancy/access-secret.js';
import { seedDemoAccessCodes } from '../demo/access-codes.js';
import { seedDemoTenants } from '../demo/tenants.js';
import type { Tenant } from '../tenancy/tenant.js';
import { testMigrations } from '../testing/test-core.js';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { ToolTimeoutError } from '../voice/tool-runner.js';
import { TOOL_REFUSAL } from './tool-router.js';

const log = pino({ level: 'silent' });
const restaurant: Tenant = { id: 'demo_restaurant', displayName: 'Luigi', vertical: 'restaurant', timeZone: 'America/New_York', phoneNumbers: [], settings: {} };

// Fixture features: an owner-only analytics feature (like business_analytics) and a client one.
const ran: string[] = [];
const fixtures: FeatureModule[] = [
  {
    manifest: { name: 'business_analytics', description: 'fixture', modes: ['client', 'owner'], ownerOnly: true, defaultEnabled: true },
    tools: [{ name: 'query_business_metrics', description: 'q', parameters: () => ({ type: 'object' }), handler: async () => (ran.push('query_business_metrics'), { ok: true, rows: [[42]] }) }],
  },
  {
    manifest: { name: 'order_placing', description: 'fixture', modes: ['client'], ownerOnly: false, defaultEnabled: true, verticals: ['restaurant'] },
    tools: [{ name: 'place_order', description: 'p', parameters: () => ({ type: 'object' }), handler: async (_a, ctx) => (ran.push(`place_order:${ctx.source}:${ctx.actorMode}`), { ok: true }) }],
  },
];

describe.each(testDatabaseKinds())('phone core on %s', (kind) => {
  let handle: TestDatabase;
  let db: Kysely<Database>;
  let events: EventStore;
  let hasher: KeyedHasher;

  beforeAll(async () => {
    handle = await openMigratedTestDatabase(kind, testMigrations([]));
    db = handle.db as Kysely<Database>;
    events = composeCore(handle, new FeatureRegistry([]), { config: loadConfig({}), log }).events;
    await seedDemoTenants(events);
    hasher = new KeyedHasher(await loadServerSecret(db, undefined));
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** The tool router as the runtime composes it, over these fixture features and this environment. */
  const routerWith = (env: Record<string, string> = {}, features: FeatureModule[] = fixtures) =>
    composeCore(handle, new FeatureRegistry(features), { config: loadConfig(env), log }).router;

  describe('server secret', () => {
    it('is generated once and shared (insert-on-conflict-do-nothing)', async () => {
      const [a, b] = await Promise.all([loadServerSecret(db, undefined), loadServerSecret(db, undefined)]);
      expect(a).toBe(b);
      expect(a.length).toBeGreaterThanOrEqual(32);
      expect(await loadServerSecret(db, 'configured-secret-123456')).toBe('configured-secret-123456');
    });
  });

  describe('access codes', () => {
    it('seeds the demo codes once, as keyed hashes', async () => {
      expect(await seedDemoAccessCodes(events, hasher)).toBe(4);
      expect(await seedDemoAccessCodes(events, hasher)).toBe(0);
      const rows = await db.selectFrom('access_codes').selectAll().orderBy('tenant_id').orderBy('actor_mode').execute();
      expect(rows.map((r) => `${r.tenant_id}/${r.actor_mode}/${r.status}`)).toEqual([
        'demo_barbershop/client/active',
        'demo_barbershop/owner/active',
        'demo_restaurant/client/active',
        'demo_restaurant/owner/active',
      ]);
      expect(JSON.stringify(rows)).not.toMatch(/11112222|33334444|55556666|77778888/);
    });

    it('resolves stored and env codes; refuses conflicts, unknown tenants and unknown codes', async () => {
      const resolver = new AccessCodeResolver(db, hasher, {
        table: { '20202020': { tenant_id: 'demo_barbershop', actor_mode: 'owner' }, '11112222': { tenant_id: 'demo_restaurant', actor_mode: 'owner' } },
        ownerMap: { '30303030': 'ghost_tenant', '55556666': 'demo_restaurant' },
        clientMap: {},
      });
      expect(await resolver.resolve('11112222')).toMatchObject({ ok: true, tenantId: 'demo_restaurant', actorMode: 'owner' });
      expect(await resolver.resolve('77778888')).toMatchObject({ ok: true, tenantId: 'demo_barbershop', actorMode: 'client' });
      expect(await resolver.resolve('20202020')).toMatchObject({ ok: true, tenantId: 'demo_barbershop', actorMode: 'owner' });
      expect(await resolver.resolve('55556666')).toMatchObject({ ok: false, reason: 'conflict' });
      expect(await resolver.resolve('30303030')).toMatchObject({ ok: false, reason: 'unknown_tenant' });
      expect(await resolver.resolve('40404040')).toMatchObject({ ok: false, reason: 'unknown' });
      expect(await resolver.resolve('1234')).toEqual({ ok: false, reason: 'malformed', codeHash: null });
      const report = await resolver.reportAtStart(log);
      expect(report.conflicts.map((c) => c.sources)).toEqual([['VOZ_ACCESS_CODE_MAP_JSON', 'stored']]);
      expect(report.unknownTenants).toBe(1);
    });

    it('a code issued twice with different meanings becomes a refused conflict; revoking ends it', async () => {
      const codeHash = hasher.code('60606060');
      const issue = (tenantId: string) =>
        events.append({ tenantId, stream: accessCodeStream(tenantId, codeHash), events: [{ type: ACCESS_CODE_ISSUED, payload: { codeHash, tenantId, actorMode: 'owner', source: 'control_plane' } }] });
      await issue('demo_restaurant');
      const resolver = new AccessCodeResolver(db, hasher, { table: {}, ownerMap: {}, clientMap: {} });
      expect(await resolver.resolve('60606060')).toMatchObject({ ok: true, tenantId: 'demo_restaurant' });
      await issue('demo_barbershop');
      expect(await resolver.resolve('60606060')).toMatchObject({ ok: false, reason: 'conflict' });
      const before = await db.selectFrom('access_codes').selectAll().orderBy('code_hash').execute();
      await events.rebuild('access_codes');
      expect(await db.selectFrom('access_codes').selectAll().orderBy('code_hash').execute()).toEqual(before);
    });
  });

  describe('gate lockouts', () => {
    it('locks after maxFailures in the window, expires after lockoutMinutes, then starts clean', async () => {
      const lockouts = new GateLockouts(db, { maxFailures: 3, windowMinutes: 10, lockoutMinutes: 5 });
      const caller = hasher.caller('+15550009999');
      const t0 = Date.parse('2030-01-01T12:00:00Z');
      const at = (min: number) => new Date(t0 + min * 60_000);
      expect(await lockouts.recordFailure(caller, at(0))).toBeNull();
      // Outside the window: the first failure no longer counts.
      expect(await lockouts.recordFailure(caller, at(11))).toBeNull();
      expect(await lockouts.recordFailure(caller, at(12))).toBeNull();
      expect(await lockouts.recordFailure(caller, at(13))).toEqual(at(18));
      expect(await lockouts.lockedUntil(caller, at(17.9))).toEqual(at(18));
      expect(await lockouts.lockedUntil(hasher.caller('+15550008888'), at(14))).toBeNull();
      expect(await lockouts.lockedUntil(caller, at(18))).toBeNull();
      // After expiry, failures from before the lockout's end do not count again.
      expect(await lockouts.recordFailure(caller, at(19))).toBeNull();
      expect(await lockouts.recordFailure(caller, at(20))).toBeNull();
      expect(await lockouts.recordFailure(caller, at(21))).toEqual(at(26));
    });
  });

  describe('tool router', () => {
    const inv = (actorMode: 'client' | 'owner', source: 'voice' | 'portal' = 'voice') => ({
      tenant: restaurant,
      actorMode,
      source,
      ...(source === 'voice' ? { callSid: 'CArouter1' } : {}),
      signal: new AbortController().signal,
      log,
    });

    it('never runs query_business_metrics for a client, even when configuration tries to allow it; the refusal is audited', async () => {
      const router = routerWith({
        VOZ_FEATURE_BUSINESS_ANALYTICS_MODES: 'client,owner',
        VOZ_TENANT_FEATURE_MODES_JSON: JSON.stringify({ demo_restaurant: { business_analytics: 'client,owner' } }),
        VOZ_TENANT_MODE_POLICY_JSON: JSON.stringify({ demo_restaurant: { client: { feature_allowlist: ['business_analytics', 'order_placing'] } } }),
      });
      expect(router.decide(restaurant, 'client').allowedTools).toEqual(['place_order']);
      ran.length = 0;
      expect(await router.invoke('query_business_metrics', {}, inv('client'))).toEqual(TOOL_REFUSAL);
      expect(await router.invoke('no_such_tool', {}, inv('client', 'portal'))).toEqual(TOOL_REFUSAL);
      expect(ran).toEqual([]);
      const refused = (await events.readAll({ types: ['tool.refused'] })).map((e) => ({ stream: `${e.streamType}:${e.streamId}`, tenant: e.tenantId, ...e.payload }));
      expect(refused).toEqual([
        { stream: 'call:CArouter1', tenant: 'demo_restaurant', tool: 'query_business_metrics', feature: 'business_analytics', actorMode: 'client', source: 'voice', reason: 'not_allowed', callSid: 'CArouter1' },
        { stream: 'tool_audit:demo_restaurant', tenant: 'demo_restaurant', tool: 'no_such_tool', feature: null, actorMode: 'client', source: 'portal', reason: 'unknown_tool' },
      ]);
    });

    it('runs allowed tools with a ToolCallContext, for calls and for the portal', async () => {
      const router = routerWith();
      ran.length = 0;
      expect(await router.invoke('query_business_metrics', {}, inv('owner', 'portal'))).toEqual({ ok: true, rows: [[42]] });
      expect(await router.invoke('place_order', {}, inv('client'))).toEqual({ ok: true });
      // Client-only: refused to the owner.
      expect(await router.invoke('place_order', {}, inv('owner'))).toEqual(TOOL_REFUSAL);
      expect(ran).toEqual(['query_business_metrics', 'place_order:voice:client']);
    });

    it('honours a tenant blocklist at run time', async () => {
      const router = routerWith({ VOZ_TENANT_MODE_POLICY_JSON: JSON.stringify({ demo_restaurant: { client: { feature_blocklist: ['order_placing'] } } }) });
      expect(await router.invoke('place_order', {}, inv('client'))).toEqual(TOOL_REFUSAL);
    });

    it("gives each tool its own timeoutMs, aborting the handler's signal when it runs out", async () => {
      let aborted = false;
      const slow: FeatureModule = {
        manifest: { name: 'slow_lookup', description: 'fixture', modes: ['client', 'owner'], ownerOnly: false, defaultEnabled: true },
        tools: [
          {
            name: 'slow_lookup',
            description: 's',
            timeoutMs: 40,
            parameters: () => ({ type: 'object' }),
            handler: (_a, ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', () => ((aborted = true), resolve('late')))),
          },
        ],
      };
      const t0 = performance.now();
      await expect(routerWith({}, [slow]).invoke('slow_lookup', {}, inv('client'))).rejects.toBeInstanceOf(ToolTimeoutError);
      const elapsed = performance.now() - t0;
      expect(elapsed).toBeGreaterThanOrEqual(35);
      expect(elapsed).toBeLessThan(2_000);
      expect(aborted).toBe(true);
    });
  });
});
