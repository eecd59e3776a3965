import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../compose/core.js';
import type { FeaturePorts, ToolCallContext } from '../../features/types.js';
import { testCore, testMigrations } from '../../testing/test-core.js';
import { seedKnowledgeBase } from '../../demo/knowledge-base.js';
import { seedDemoTenants } from '../../demo/tenants.js';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../../testing/test-db.js';
import { KB_DOCUMENT_REMOVED, KB_DOCUMENT_UPDATED, kbStream } from './events.js';
import { feature } from './index.js';
import type { KnowledgeBaseStore } from './store.js';
import { searchPassages } from './search.js';

describe.each(testDatabaseKinds())('knowledge_base on %s', (kind) => {
  let handle: TestDatabase;
  let core: Core;
  let ports: FeaturePorts<KnowledgeBaseStore>;
  const tool = feature.tools![0]!;

  beforeAll(async () => {
    handle = await openMigratedTestDatabase(kind, testMigrations([feature]));
    core = testCore(handle, [feature]);
    ports = core.portsOf(feature);
    await seedDemoTenants(core.events);
    await seedKnowledgeBase(core);
    await seedKnowledgeBase(core); // idempotent
  });
  afterAll(async () => handle?.close());

  it('finds the allergen passage for "do you have gluten free options"', async () => {
    const tenant = (await core.tenants.get('demo_restaurant'))!;
    const ctx: ToolCallContext<KnowledgeBaseStore> = { tenant, actorMode: 'client', source: 'voice', signal: new AbortController().signal, ports, log: pino({ level: 'silent' }) };
    const r = (await tool.handler({ query: 'do you have gluten free options' }, ctx)) as { ok: boolean; results: { title: string; heading: string; text: string }[] };
    expect(r.ok).toBe(true);
    expect(r.results[0]).toMatchObject({ title: 'Allergens and dietary options', heading: 'Gluten-free options' });
    expect(r.results[0]!.text).toContain('gluten-free pizza crust');
    const parking = await searchPassages(core.db, 'demo_restaurant', 'where can I park');
    expect(parking[0]?.heading).toBe('Parking');
    expect(await searchPassages(core.db, 'demo_barbershop', 'gluten')).toEqual([]);
    const none = await tool.handler({ query: 'zebra quantum' }, ctx);
    expect(none).toMatchObject({ ok: true, results: [] });
  });

  it('re-ingesting a changed document replaces its passages; removing drops them', async () => {
    const append = (type: string, payload: object) => ports.events.append({ tenantId: 'demo_barbershop', stream: kbStream('demo_barbershop', 'faq'), events: [{ type, payload }] });
    await append(KB_DOCUMENT_UPDATED, { tenantId: 'demo_barbershop', documentId: 'faq', title: 'FAQ', format: 'markdown', body: '# Dogs\nDogs are welcome.\n\n# Wifi\nFree wifi.' });
    expect((await searchPassages(core.db, 'demo_barbershop', 'dogs'))[0]?.text).toBe('Dogs are welcome.');
    await append(KB_DOCUMENT_UPDATED, { tenantId: 'demo_barbershop', documentId: 'faq', title: 'FAQ', format: 'markdown', body: '# Pets\nNo pets, sorry.' });
    expect(await searchPassages(core.db, 'demo_barbershop', 'wifi')).toEqual([]);
    expect((await searchPassages(core.db, 'demo_barbershop', 'pets'))[0]?.text).toBe('No pets, sorry.');
    await append(KB_DOCUMENT_REMOVED, { tenantId: 'demo_barbershop', documentId: 'faq' });
    expect(await searchPassages(core.db, 'demo_barbershop', 'pets')).toEqual([]);
  });

  it('rebuilds to the same rows', async () => {
    const snapshot = async () => ({
      docs: await core.db.selectFrom('kb_documents').selectAll().orderBy('tenant_id').orderBy('document_id').execute(),
      passages: await core.db.selectFrom('kb_passages').selectAll().orderBy('tenant_id').orderBy('document_id').orderBy('passage_no').execute(),
    });
    const live = await snapshot();
    expect(live.passages.length).toBeGreaterThan(15);
    await core.events.rebuild('knowledge_base');
    expect(await snapshot()).toEqual(live);
  });
});
