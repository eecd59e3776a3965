import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceHash } from '../../scripts/source-hash.mjs';

const WEBUI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEBUI_OUT = path.join(WEBUI, 'out');

/**
 * The export the backend serves must be the one the sources make: testing a stale build would
 * test yesterday's portal. `npm run build` (CI) or `npm run build -w webui` makes it fresh.
 */
export function assertExportFresh(): void {
  const stampFile = path.join(WEBUI_OUT, '.build-stamp');
  const fix = 'run `npm run build -w webui` first';
  if (!existsSync(stampFile)) throw new Error(`webui/out has no build stamp: ${fix}`);
  const stamped = readFileSync(stampFile, 'utf8').trim();
  if (stamped !== sourceHash({ root: path.join(WEBUI, '..'), webui: WEBUI })) throw new Error(`webui/out is older than the portal's sources: ${fix}`);
}
