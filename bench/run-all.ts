/**
 * Runs every bench/<name>/index.ts in turn (`npm run bench`); exits non-zero if any fails.
 * `--ci` (`npm run bench:ci`): only the benches with a same-run ratio to gate (the bridge bench's
 * short form, bench/bridge/ci-gate.ts); the KB and analytics benches report absolute times,
 * which mean nothing across machines, and are left to the full run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, readFigures } from './summary.js';

const CI_BENCHES = ['bridge'];
const ci = process.argv.includes('--ci');
const root = fileURLToPath(new URL('.', import.meta.url));
const summaryDir = mkdtempSync(path.join(tmpdir(), 'vozlia-bench-summary-'));
const summaryFile = path.join(summaryDir, 'figures.jsonl');
const started = performance.now();
let failed = 0;
for (const dir of readdirSync(root, { withFileTypes: true })) {
  const entry = `${root}${dir.name}/index.ts`;
  if (!dir.isDirectory() || !existsSync(entry)) continue;
  if (ci && !CI_BENCHES.includes(dir.name)) {
    console.log(`\n=== bench/${dir.name}: not in --ci (no same-run ratio to gate) ===`);
    continue;
  }
  console.log(`\n=== bench/${dir.name} ===`);
  const r = spawnSync(process.execPath, ['--conditions=vozlia-source', '--import', 'tsx', entry, ...process.argv.slice(2), `--summary-file=${summaryFile}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
const table = formatTable(readFigures(summaryFile));
rmSync(summaryDir, { recursive: true, force: true });
console.log(`\n=== all benches${ci ? ' (CI gate: each limit beside its figure)' : ': each target beside its figure'} ===\n${table.text}`);
console.log(`${ci ? 'bench gate' : 'benches'}: ${((performance.now() - started) / 1000).toFixed(0)} s wall`);
if (failed) console.log(`${failed} bench(es) failed or missed a target`);
process.exitCode = failed || !table.pass ? 1 : 0;
