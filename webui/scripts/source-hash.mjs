import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the export is built from; anything else (tests, e2e, docs) cannot change it. */
const WEBUI_INPUTS = ['src', 'public', 'next.config.ts', 'tsconfig.json', 'package.json'];
const CONTRACT_INPUTS = ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];
const SKIP = /\.test\.tsx?$/;

function files(dir, rel) {
  const abs = path.join(dir, rel);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs)
    .sort()
    .flatMap((name) => files(dir, path.join(rel, name)));
}

/** The installed version of each package the portal bundles (a `npm ci` with a new lock changes it). */
function installedVersions(root, webui) {
  const deps = Object.keys(JSON.parse(readFileSync(path.join(webui, 'package.json'), 'utf8')).dependencies ?? {}).sort();
  return deps.map((dep) => {
    for (const base of [webui, root]) {
      const pkg = path.join(base, 'node_modules', dep, 'package.json');
      if (existsSync(pkg)) return `${dep}@${JSON.parse(readFileSync(pkg, 'utf8')).version}`;
    }
    return `${dep}@missing`;
  });
}

/** SHA-256 over the export's inputs: paths, contents and installed versions. */
export function sourceHash({ root, webui }) {
  const h = createHash('sha256');
  const add = (base, label, inputs) => {
    for (const rel of inputs.flatMap((i) => files(base, i)).filter((f) => !SKIP.test(f))) {
      h.update(`${label}/${rel}\0`);
      h.update(readFileSync(path.join(base, rel)));
      h.update('\0');
    }
  };
  add(webui, 'webui', WEBUI_INPUTS);
  add(path.join(root, 'contract'), 'contract', CONTRACT_INPUTS);
  h.update(installedVersions(root, webui).join('\n'));
  return h.digest('hex');
}
