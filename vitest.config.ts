import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One suite for the whole repo: `npm test` is the README's test command and what CI runs.
// Workspace packages resolve to their TypeScript source (the `vozlia-source` export condition),
// so tests never need a build first.
const webuiSrc = path.join(path.dirname(fileURLToPath(import.meta.url)), 'webui/src');

export default defineConfig({
  // `@/…` is the portal's own import root (webui/tsconfig.json paths).
  resolve: { conditions: ['vozlia-source'], alias: { '@': webuiSrc } },
  ssr: { resolve: { conditions: ['vozlia-source'], externalConditions: ['vozlia-source'] } },
  test: {
    include: ['backend/src/**/*.test.ts', 'control_plane/src/**/*.test.ts', 'contract/src/**/*.test.ts', 'bench/**/*.test.ts', 'webui/src/**/*.test.ts', 'webui/scripts/**/*.test.ts', 'webui/e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
