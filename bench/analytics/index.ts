/**
 * Analytics benchmark: 1,000,000 events over 50 tenants (plus the projection rows behind them),
 * then p50/p95 of the ten most common owner questions, compiled and executed exactly as a run
 * does (read-only transaction, tenant setting, SELECT-only role), on PGlite and on PostgreSQL.
 *   node --conditions=vozlia-source --import tsx bench/analytics/index.ts [--runs 40] [--database-url postgres://…]
 * PostgreSQL: a fresh database on the server `--database-url` names (default the local test
 * server), dropped afterwards. Targets: p95 ≤ 50 ms PG, ≤ 250 ms PGlite.
 */
import { parseArgs } from 'node:util';
import { loadCatalog, type AnyDb } from '../../backend/src/analytics/catalog.js';
import { compile } from '../../backend/src/analytics/compile.js';
import { executeAnalytics } from '../../backend/src/analytics/executor.js';
import { QuerySpecSchema } from '../../backend/src/analytics/query-spec.js';
import { feature as appointments } from '../../backend/src/features/appointment_requests/index.js';
import { feature as contacts } from '../../backend/src/features/contacts/index.js';
import { feature as missedCalls } from '../../backend/src/features/missed_call_capture/index.js';
import { feature as orders } from '../../backend/src/features/order_placing/index.js';
import type { DatabaseHandle } from '../../backend/src/storage/database.js';
import { migrateToLatest } from '../../backend/src/storage/migrate.js';
import { testMigrations } from '../../backend/src/testing/test-core.js';
import { openScratchDatabase } from '../scratch-database.js';
import { recordFigure } from '../summary.js';
import { EVENTS, generate, TENANTS } from './generate.js';
import { TOP_QUESTIONS } from './questions.js';

// `strict: false`: bench/run-all.ts hands every bench the same arguments.
const { values: args } = parseArgs({ strict: false, options: { runs: { type: 'string', default: '40' }, 'database-url': { type: 'string' } } });
const RUNS = Number(args.runs);
const WARMUP = 3;
const ZONE = 'America/New_York';
const TENANT = 't07';
const TARGET_P95_MS = { postgres: 50, pglite: 250 } as const;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function bench(kind: 'pglite' | 'postgres', handle: DatabaseHandle): Promise<boolean> {
  const db = handle.db as unknown as AnyDb;
  console.log(`\n[${kind}] migrating and generating ${EVENTS.toLocaleString('en-US')} events over ${TENANTS} tenants…`);
  // The features whose tables the analytic views read, migrated as a runtime migrates them.
  await migrateToLatest(handle.db, testMigrations([appointments, contacts, missedCalls, orders]));
  const started = Date.now();
  await generate(db, (s) => console.log(s));
  console.log(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const catalogTimes: number[] = [];
  let catalog = await loadCatalog(db);
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    catalog = await loadCatalog(db);
    catalogTimes.push(performance.now() - t);
  }
  console.log(`  catalog load: p50 ${pct(catalogTimes, 50).toFixed(1)} ms, p95 ${pct(catalogTimes, 95).toFixed(1)} ms (read once per start, then cached by CatalogProvider)`);
  console.log(`  ${'question'.padEnd(38)} ${'rows'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
  let pass = true;
  let worst = { name: '', p95: 0 };
  for (const [name, raw] of TOP_QUESTIONS) {
    const spec = QuerySpecSchema.parse(raw);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t = performance.now();
      const c = compile(spec, catalog, TENANT, new Date(), ZONE);
      if (!c.ok) throw new Error(`${name}: ${c.errors.join('; ')}`);
      const out = await executeAnalytics(db, c.query, TENANT, { kind });
      if (i >= WARMUP) times.push(performance.now() - t);
      rows = out.length;
    }
    const p95 = pct(times, 95);
    if (p95 > TARGET_P95_MS[kind]) pass = false;
    if (p95 >= worst.p95) worst = { name, p95 };
    console.log(`  ${name.padEnd(38)} ${String(rows).padStart(5)} ${pct(times, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}`);
  }
  console.log(`  target p95 ≤ ${TARGET_P95_MS[kind]} ms: ${pass ? 'met' : 'NOT met'}`);
  recordFigure({ bench: 'analytics', measure: `worst question p95 (${kind})`, value: worst.p95, unit: 'ms', target: TARGET_P95_MS[kind], note: `${worst.name.trim()}; ${TOP_QUESTIONS.length} questions × ${RUNS} runs` });
  return pass;
}

async function main(): Promise<void> {
  let ok = true;
  for (const kind of ['pglite', 'postgres'] as const) {
    const handle = await openScratchDatabase(kind, typeof args['database-url'] === 'string' ? args['database-url'] : undefined);
    try {
      ok = (await bench(kind, handle)) && ok;
    } finally {
      await handle.close();
    }
  }
  process.exitCode = ok ? 0 : 1;
}

await main();
