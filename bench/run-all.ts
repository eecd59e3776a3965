/** Runs every bench/<name>/index.ts in turn (`npm run bench`); exits non-zero if any fails. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
let failed = 0;
for (const dir of readdirSync(root, { withFileTypes: true })) {
  const entry = `${root}${dir.name}/index.ts`;
  if (!dir.isDirectory() || !existsSync(entry)) continue;
  console.log(`\n=== bench/${dir.name} ===`);
  const r = spawnSync(process.execPath, ['--conditions=vozlia-source', '--import', 'tsx', entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
