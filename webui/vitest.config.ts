import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The portal's pure tests (`npm test -w webui`); the same files also run in the root suite.
const here = path.dirname(fileURLToPath(import.meta.url));
export default defineConfig({
  resolve: { conditions: ['vozlia-source'], alias: { '@': path.join(here, 'src') } },
  ssr: { resolve: { conditions: ['vozlia-source'], externalConditions: ['vozlia-source'] } },
  test: { include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node' },
});
