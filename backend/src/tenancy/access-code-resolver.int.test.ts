import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { testCore, testMigrations } from '../testing/test-core.js';
import type { Core } from '../compose/core.js';
import { AccessCodeAdmin } from './access-code-admin.js';
import { AccessCodeResolver } from './access-code-resolver.js';
import { KeyedHasher } from './access-hash.js';

const ADMIN = { source: 'admin_api', by: 'admin' };
const tenant = (id: string) => ({ id, name: id, vertical: 'generic' as const, time_zone: 'UTC', phone_numbers: [] });

// The gate's one resolver over issued codes and the env tables together.
describe.each(testDatabaseKinds())('access codes: issued + env in one resolver (%s)', (kind) => {
  let db: TestDatabase;
  let core: Core;
  let resolver: AccessCodeResolver;
  let codes: AccessCodeAdmin;
  const hasher = new KeyedHasher('resolver-test-secret-0123456789');

  beforeAll(async () => {
    db = await openMigratedTestDatabase(kind, testMigrations([]));
    core = testCore(db, []);
    for (const id of ['t_a', 't_b']) await core.tenantAdmin.create(tenant(id), ADMIN);
    resolver = new AccessCodeResolver(db.db, hasher, {
      table: { '31415926': { tenant_id: 't_a', actor_mode: 'owner' }, '27182818': { tenant_id: 't_a', actor_mode: 'client' } },
      ownerMap: {},
      clientMap: { '16180339': 't_b' },
    });
    codes = new AccessCodeAdmin({ db: db.db, events: core.events, hasher, resolver });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('resolves env and issued codes alike; every source counts as known', async () => {
    const { id } = await codes.issue('t_b', '80413957', 'owner', ADMIN);
    expect(await resolver.resolve('80413957')).toMatchObject({ ok: true, tenantId: 't_b', actorMode: 'owner' });
    expect(await resolver.resolve('31415926')).toMatchObject({ ok: true, tenantId: 't_a', actorMode: 'owner' });
    for (const c of ['80413957', '31415926', '16180339']) expect(await codes.known(c)).toBe(true);
    expect(await codes.known('57721566')).toBe(false);
    expect(await codes.list('t_b')).toEqual([{ id, actor_mode: 'owner', created_at: expect.any(String), source: 'control_plane' }]);
  });

  it('fails closed when an issued code and an env table disagree, and when they agree it still works', async () => {
    // Issued around the uniqueness check (as a race or an older release could have done).
    await codes.issue('t_b', '27182818', 'client', ADMIN);
    expect(await resolver.resolve('27182818')).toMatchObject({ ok: false, reason: 'conflict' });
    await codes.issue('t_b', '16180339', 'client', ADMIN);
    expect(await resolver.resolve('16180339')).toMatchObject({ ok: true, tenantId: 't_b', actorMode: 'client' });
    const log = pino({ level: 'silent' });
    expect((await resolver.reportAtStart(log)).conflicts.map((c) => c.sources)).toEqual([['VOZ_ACCESS_CODE_TABLE_JSON', 'stored']]);
  });

  it('a revoked code stops resolving on the next try and is never handed out again; revocation is per tenant', async () => {
    const { id } = await codes.issue('t_a', '66260701', 'client', ADMIN);
    expect(await codes.revoke('t_b', id, ADMIN)).toBe(false);
    expect(await codes.revoke('t_a', id, ADMIN)).toBe(true);
    expect(await resolver.resolve('66260701')).toMatchObject({ ok: false, reason: 'unknown' });
    expect(await codes.known('66260701')).toBe(true);
    expect(await codes.revoke('t_a', id, ADMIN)).toBe(false);
    expect(await codes.revoke('t_a', 'not-an-id', ADMIN)).toBe(false);
  });

  it('a deleted tenant’s codes stop resolving', async () => {
    await core.tenantAdmin.create(tenant('t_c'), ADMIN);
    await codes.issue('t_c', '14142135', 'owner', ADMIN);
    expect((await resolver.resolve('14142135')).ok).toBe(true);
    await core.tenantAdmin.remove('t_c', { purge: false }, ADMIN);
    expect(await resolver.resolve('14142135')).toMatchObject({ ok: false, reason: 'unknown_tenant' });
  });
});
