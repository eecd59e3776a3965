/** Runs every bench/<name>/index.ts in turn (`npm run bench`); exits non-zero if any fails. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, readFigures } from './summary.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const summaryDir = mkdtempSync(path.join(tmpdir(), 'vozlia-bench-summary-'));
const summaryFile = path.join(summaryDir, 'figures.jsonl');
let failed = 0;
for (const dir of readdirSync(root, { withFileTypes: true })) {
  const entry = `${root}${dir.name}/index.ts`;
  if (!dir.isDirectory() || !existsSync(entry)) continue;
  console.log(`\n=== bench/${dir.name} ===`);
  const r = spawnSync(process.execPath, ['--conditions=vozlia-source', '--import', 'tsx', entry, ...process.argv.slice(2), `--summary-file=${summaryFile}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
const table = formatTable(readFigures(summaryFile));
rmSync(summaryDir, { recursive: true, force: true });
console.log(`\n=== all benches: each target beside its figure ===\n${table.text}`);
if (failed) console.log(`${failed} bench(es) failed or missed a target`);
process.exitCode = failed || !table.pass ? 1 : 0;
