// Builds the portal's static export into out/ (which the backend serves at `/`) only when an
// input changed. The inputs' content hash is stamped into out/, so `npm start` with nothing new
// skips Next entirely. `--force` rebuilds anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { sourceHash } from './scripts/source-hash.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const out = path.join(here, 'out');
const stampFile = path.join(out, '.build-stamp');
const started = performance.now();
const say = (line) => process.stdout.write(`${line}\n`);

const hash = sourceHash({ root, webui: here });
const force = process.argv.includes('--force');
const stamped = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;
if (!force && stamped === hash) {
  say(`webui: export up to date (${hash.slice(0, 12)}), checked in ${Math.round(performance.now() - started)} ms`);
  process.exit(0);
}

const run = (what, args, cwd) => {
  const r = spawnSync(process.execPath, args, { cwd, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) {
    process.stderr.write(`webui: ${what} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
};
// Next bundles the contract from its build (contract/dist); make sure it matches the source.
run('contract build', [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'contract/tsconfig.build.json'], root);
run('next build', [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], here);
writeFileSync(stampFile, `${hash}\n`);
say(`webui: export built in ${((performance.now() - started) / 1000).toFixed(1)} s (${hash.slice(0, 12)})`);
