// Copies the static site into out/, which the backend serves at `/` when it exists.
// The real portal (a static export) will replace this step and keep the same out/ folder.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'out');
rmSync(out, { recursive: true, force: true });
cpSync(path.join(here, 'public'), out, { recursive: true });
