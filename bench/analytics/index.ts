import type { AnyDb } from '../../backend/src/analytics/catalog.js';
/**
 * Analytics benchmark: 1,000,000 events over 50 tenants (plus the projection rows behind them),
 * then p50/p95 of the ten most common owner questions, compiled and executed exactly as a run
 * does (read-only transaction, tenant setting, SELECT-only role), on PGlite and on PostgreSQL.
 *   node --import tsx bench/analytics/index.ts [runs]
 * PostgreSQL: DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test);
 * a fresh database is created and dropped afterwards. Targets: p95 ≤ 50 ms PG, ≤ 250 ms PGlite.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadCatalog } from '../../backend/src/analytics/catalog.js';
import { compile } from '../../backend/src/analytics/compile.js';
import { executeAnalytics } from '../../backend/src/analytics/executor.js';
import { QuerySpecSchema } from '../../backend/src/analytics/query-spec.js';
import { fixtureTableMigrations } from '../../backend/src/analytics/testing/fixture-tables.js';
import { migrations } from '../../backend/src/features/business_analytics/migrations/index.js';
import { openDatabase, type DatabaseHandle } from '../../backend/src/storage/database.js';
import { migrateToLatest } from '../../backend/src/storage/migrate.js';
import { EVENTS, generate, TENANTS } from './generate.js';
import { TOP_QUESTIONS } from './questions.js';

const RUNS = Number(process.argv[2] ?? 40);
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
  await migrateToLatest(handle.db, { ...migrations, ...fixtureTableMigrations });
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
    console.log(`  ${name.padEnd(38)} ${String(rows).padStart(5)} ${pct(times, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}`);
  }
  console.log(`  target p95 ≤ ${TARGET_P95_MS[kind]} ms: ${pass ? 'met' : 'NOT met'}`);
  return pass;
}

async function main(): Promise<void> {
  let ok = true;
  const lite = await openDatabase({ dataDir: 'memory://' });
  try {
    ok = (await bench('pglite', lite)) && ok;
  } finally {
    await lite.close();
  }

  const base = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const name = `voz_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pgHandle = await openDatabase({ databaseUrl: url.toString() });
  try {
    ok = (await bench('postgres', pgHandle)) && ok;
  } finally {
    await pgHandle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  process.exitCode = ok ? 0 : 1;
}

await main();
