import { createServer, type Server } from 'node:http';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feature as missed } from '../missed_call_capture/index.js';
import type { Core } from '../../compose/core.js';
import type { Database } from '../../storage/schema.js';
import { JobWorker } from '../../storage/jobs.js';
import { testCore, testMigrations } from '../../testing/test-core.js';
import { seedDemoTenants } from '../../demo/tenants.js';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../../testing/test-db.js';
import { feature } from './index.js';

const FEATURES = [feature, missed];

/** A tiny stand-in for the OpenAI `/chat/completions` endpoint. */
function fakeOpenAi(): Promise<{ server: Server; url: string; requests: { auth: string | undefined; body: { model: string; messages: { content: string }[] } }[] }> {
  const requests: { auth: string | undefined; body: { model: string; messages: { content: string }[] } }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
      requests.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ id: 'c1', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Caller ordered two pizzas for pickup.' } }] }),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`, requests })));
}

describe.each(testDatabaseKinds())('call_summary and missed_call_capture on %s', (kind) => {
  let handle: TestDatabase;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await openMigratedTestDatabase(kind, testMigrations(FEATURES));
    db = handle.db as Kysely<Database>;
    await seedDemoTenants(testCore(handle, FEATURES).events);
  });
  afterAll(async () => handle?.close());

  const endCall = async (ports: Pick<Core, 'events'>, callSid: string) => {
    const stream = { type: 'call', id: callSid };
    await ports.events.append({ tenantId: 'demo_restaurant', stream, events: [
      { type: 'call.received', payload: { callSid, from: '+15557771234', to: '+15550100001', tenantId: 'demo_restaurant', tenantMode: 'dedicated' } },
      { type: 'call.connected', payload: { callSid, tenantId: 'demo_restaurant', actorMode: 'client', tenantMode: 'dedicated' } },
    ] });
    await ports.events.append({ tenantId: 'demo_restaurant', stream: { type: 'order', id: `order:demo_restaurant:o-${callSid}` }, events: [
      { type: 'order.placed', payload: { orderId: `o-${callSid}`, fulfillment: 'pickup', customerName: 'Ada', totalCents: 3250, lines: [{ quantity: 2, itemName: 'Margherita Pizza' }] }, metadata: { call_sid: callSid } },
    ] });
    await ports.events.append({ tenantId: 'demo_restaurant', stream, events: [
      { type: 'call.ended', payload: { callSid, status: 'completed', durationSeconds: 125 } },
      { type: 'call.recorded', payload: { callSid, transcript: [{ role: 'caller', text: 'Hi, two margheritas for pickup please', at: '' }] } },
    ] });
  };
  const runJobs = async (core: Core) => {
    const worker = new JobWorker(db, core.jobHandlers(), { backoffMs: () => 0 });
    // The summary waits a few seconds for call.recorded; make it due now.
    await db.updateTable('jobs').set({ run_at: new Date(0) }).execute();
    while ((await worker.runOnce()) > 0);
  };

  it('writes one deterministic summary after the call without a key', async () => {
    const core = testCore(handle, FEATURES);
    await endCall(core, 'CAsum1');
    expect(await db.selectFrom('jobs').select('dedupe_key').where('dedupe_key', '=', 'summary:CAsum1').execute()).toHaveLength(1); // ended + recorded → one job
    await runJobs(core);
    const row = await db.selectFrom('call_summaries').selectAll().where('call_sid', '=', 'CAsum1').executeTakeFirstOrThrow();
    expect(row.method).toBe('deterministic');
    expect(row.summary).toBe('Call of 2m 05s. Placed pickup order o-CAsum1 for Ada: 2 Margherita Pizza (total $32.50). Caller said: "Hi, two margheritas for pickup please"');
    // The owner is told through the notify port, with the summary and the caller's number.
    const told = (await core.events.readStream({ type: 'call', id: 'CAsum1' })).filter((e) => e.type === 'notification.queued');
    expect(told.map((e) => e.payload.facts)).toEqual([{ type: 'call_summary_ready', callSid: 'CAsum1', from: '+15557771234', summary: row.summary }]);
  });

  it('asks the text model at OPENAI_BASE_URL when a key is set', async () => {
    const fake = await fakeOpenAi();
    try {
      const core = testCore(handle, FEATURES, { env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.url, OPENAI_TEXT_MODEL: 'gpt-test' } });
      await endCall(core, 'CAsum2');
      await runJobs(core);
      const row = await db.selectFrom('call_summaries').selectAll().where('call_sid', '=', 'CAsum2').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ method: 'openai', summary: 'Caller ordered two pizzas for pickup.' });
      expect(fake.requests).toHaveLength(1);
      expect(fake.requests[0]!.auth).toBe('Bearer sk-test');
      expect(fake.requests[0]!.body.model).toBe('gpt-test');
      expect(fake.requests[0]!.body.messages[1]!.content).toContain('Margherita Pizza');
    } finally {
      fake.server.close();
    }
  });

  it('keeps the deterministic summary when the text model fails on every attempt', async () => {
    // Nothing listens on port 9: every attempt fails at once, like a provider that is down.
    const core = testCore(handle, FEATURES, { env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' } });
    await endCall(core, 'CAsum3');
    await runJobs(core);
    const row = await db.selectFrom('call_summaries').selectAll().where('call_sid', '=', 'CAsum3').executeTakeFirstOrThrow();
    expect(row.method).toBe('deterministic');
    expect(row.summary).toContain('Placed pickup order o-CAsum3 for Ada');
    const job = await db.selectFrom('jobs').select(['status', 'attempts']).where('dedupe_key', '=', 'summary:CAsum3').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', attempts: 4 });
  });

  it('records a missed call with the caller number and queues the owner notification once', async () => {
    const core = testCore(handle, FEATURES);
    const stream = { type: 'call', id: 'CAmiss1' };
    await core.events.append({ tenantId: 'demo_restaurant', stream, events: [
      { type: 'call.received', payload: { callSid: 'CAmiss1', from: '+15557779999', to: '+15550100001', tenantId: 'demo_restaurant', tenantMode: 'dedicated' } },
      { type: 'call.missed', payload: { callSid: 'CAmiss1', reason: 'not_answered' } },
    ] });
    const row = await db.selectFrom('missed_calls').selectAll().where('call_sid', '=', 'CAmiss1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ tenant_id: 'demo_restaurant', from_number: '+15557779999', reason: 'not_answered' });
    await runJobs(core);
    await runJobs(core);
    const notes = await db.selectFrom('notifications').selectAll().where('kind', '=', 'missed_call').execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ tenant_id: 'demo_restaurant', channel: 'sms', status: 'queued' });
    expect(notes[0]!.subject).toContain('Missed call from +15557779999');
  });
});
