import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// One suite for the whole repo: `npm test` is the README's test command and what CI runs.
// Workspace packages resolve to their TypeScript source (the `vozlia-source` export condition),
// so tests never need a build first.
const webuiSrc = path.join(path.dirname(fileURLToPath(import.meta.url)), 'webui/src');
// `*.pg.test.ts` hold only PostgreSQL suites (several instances on one database, which PGlite
// cannot be): part of the run when TEST_DATABASE_URL says where PostgreSQL is, as CI always does.
const postgresOnly = process.env.TEST_DATABASE_URL ? [] : ['**/*.pg.test.ts'];

export default defineConfig({
  // `@/…` is the portal's own import root (webui/tsconfig.json paths).
  resolve: { conditions: ['vozlia-source'], alias: { '@': webuiSrc } },
  ssr: { resolve: { conditions: ['vozlia-source'], externalConditions: ['vozlia-source'] } },
  test: {
    include: ['backend/src/**/*.test.ts', 'control_plane/src/**/*.test.ts', 'contract/src/**/*.test.ts', 'bench/**/*.test.ts', 'webui/src/**/*.test.ts', 'webui/scripts/**/*.test.ts', 'webui/e2e/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...postgresOnly],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Files run one after another in the same worker process: the app's modules are loaded and
    // the cached test databases read once per worker, not once per file (~2× faster). Module state
    // is therefore shared: tests must leave no global behind (vitest.setup.ts resets timers).
    isolate: false,
    setupFiles: ['./vitest.setup.ts'],
    reporters: ['default'],
  },
});
