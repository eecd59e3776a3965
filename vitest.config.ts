import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// One suite for the whole repo: `npm test` is the README's test command and what CI runs.
// Workspace packages resolve to their TypeScript source (the `vozlia-source` export condition),
// so tests never need a build first.
const webuiSrc = path.join(path.dirname(fileURLToPath(import.meta.url)), 'webui/src');
// `*.pg.test.ts` hold only PostgreSQL suites (several instances on one database, which PGlite
// cannot be): part of the run when TEST_DATABASE_URL says where PostgreSQL is, as CI always does.
const postgresOnly = process.env.TEST_DATABASE_URL ? [] : ['**/*.pg.test.ts'];

/**
 * The browser files are the longest by far: first, one per worker, so no worker is left with one
 * at the end. Vitest orders the rest longest-first from its last run (a fresh clone, as CI's, has
 * none: it would put these two small files last).
 */
class BrowserFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = (f: TestSpecification) => f.moduleId.endsWith('.browser.test.ts');
    return [...sorted.filter(browser), ...sorted.filter((f) => !browser(f))];
  }
}

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
    // Vitest's default is one worker fewer than the cores: one on these 2-core machines. Much of a
    // file's time is waiting (real-time audio, child processes, PostgreSQL, chromium), so a worker
    // more than the cores keeps both busy.
    maxWorkers: availableParallelism() + 1,
    sequence: { sequencer: BrowserFilesFirst },
    // Files run one after another in the same worker process: the app's modules are loaded and
    // the cached test databases read once per worker, not once per file (~2× faster). Module state
    // is therefore shared: tests must leave no global behind (vitest.setup.ts resets timers).
    isolate: false,
    setupFiles: ['./vitest.setup.ts'],
    reporters: ['default'],
  },
});
