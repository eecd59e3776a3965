/**
 * KB search latency: 500 passages, p50/p95/p99 of the knowledge base's search (target ≤ 20 ms),
 * on PGlite, and on PostgreSQL when `--database-url` names a server (a scratch database is
 * created there and dropped afterwards).
 *   node --conditions=vozlia-source --import tsx bench/kb/index.ts [--database-url postgres://…]
 */
import { parseArgs } from 'node:util';
import { mulberry32 } from '../../backend/src/demo/prng.js';
import { KB_DOCUMENT_UPDATED, kbStream } from '../../backend/src/features/knowledge_base/events.js';
import { feature } from '../../backend/src/features/knowledge_base/index.js';
import type { DatabaseHandle } from '../../backend/src/storage/database.js';
import { migrateToLatest } from '../../backend/src/storage/migrate.js';
import { testCore, testMigrations } from '../../backend/src/testing/test-core.js';
import { openScratchDatabase } from '../scratch-database.js';
import { recordFigure } from '../summary.js';

const PASSAGES = 500;
const PASSAGES_PER_DOC = 10;
const QUERIES = 400;
const WARMUP = 20;
const TARGET_P95_MS = 20;
const TENANT = 'bench_tenant';

const TOPICS = ['hours', 'parking', 'gluten', 'vegan', 'delivery', 'payment', 'holiday', 'reservation', 'allergy', 'price', 'wifi', 'pets', 'catering', 'gift', 'birthday', 'refund', 'address', 'menu', 'wine', 'dessert'];
const FILLER = ['our team', 'every guest', 'the kitchen', 'a friendly host', 'the counter', 'the owner', 'each order', 'the front desk'];
const VERBS = ['welcomes', 'prepares', 'confirms', 'handles', 'explains', 'arranges', 'checks', 'offers'];
const QUERIES_TEXT = ['do you have gluten free options', 'where can I park', 'what are your hours on sunday', 'do you deliver to brooklyn', 'can I pay with card', 'are pets allowed', 'how much is a birthday cake', 'vegan dessert', 'wine list', 'holiday hours'];

export async function runKbBench(kind: 'pglite' | 'postgres', serverUrl?: string): Promise<{ p50: number; p95: number; p99: number }> {
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openScratchDatabase(kind, serverUrl);
    await migrateToLatest(handle.db, testMigrations([feature]));
    const core = testCore(handle, [feature]);
    const { store } = core.portsOf(feature);
    const rng = mulberry32(42);
    for (let d = 0; d < PASSAGES / PASSAGES_PER_DOC; d++) {
      const body = Array.from({ length: PASSAGES_PER_DOC }, (_, i) => {
        const topic = rng.pick(TOPICS);
        const sentences = Array.from({ length: rng.int(1, 3) }, () => `${cap(rng.pick(FILLER))} ${rng.pick(VERBS)} ${topic} questions about ${rng.pick(TOPICS)} and ${rng.pick(TOPICS)}.`);
        return `# ${cap(topic)} ${d}-${i}\n${sentences.join(' ')}`;
      }).join('\n\n');
      await core.events.append({ tenantId: TENANT, stream: kbStream(TENANT, `doc-${d}`), events: [{ type: KB_DOCUMENT_UPDATED, payload: { tenantId: TENANT, documentId: `doc-${d}`, title: `Document ${d}`, format: 'markdown', body } }] });
    }
    const count = await core.db.selectFrom('kb_passages').select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', TENANT).executeTakeFirstOrThrow();
    const timings: number[] = [];
    for (let i = 0; i < WARMUP + QUERIES; i++) {
      const q = QUERIES_TEXT[i % QUERIES_TEXT.length]!;
      const t0 = performance.now();
      await store.search(TENANT, q);
      if (i >= WARMUP) timings.push(performance.now() - t0);
    }
    timings.sort((a, b) => a - b);
    const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!;
    const r = { p50: pct(50), p95: pct(95), p99: pct(99) };
    console.log(`kb search on ${kind}: ${Number(count.n)} passages, ${QUERIES} queries: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (target p95 ≤ ${TARGET_P95_MS} ms) ${r.p95 <= TARGET_P95_MS ? 'OK' : 'OVER'}`);
    recordFigure({ bench: 'kb', measure: `search p95, ${Number(count.n)} passages (${kind})`, value: r.p95, unit: 'ms', target: TARGET_P95_MS, note: `p50 ${r.p50.toFixed(2)}, p99 ${r.p99.toFixed(2)} ms` });
    return r;
  } finally {
    await handle?.close();
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

async function main(): Promise<void> {
  // `strict: false`: bench/run-all.ts hands every bench the same arguments.
  const { values } = parseArgs({ strict: false, options: { 'database-url': { type: 'string' } } });
  await runKbBench('pglite');
  if (typeof values['database-url'] === 'string') await runKbBench('postgres', values['database-url']);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
