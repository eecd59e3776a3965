import { defineConfig } from 'vitest/config';

// One suite for the whole repo: `npm test` is the README's test command and what CI runs.
export default defineConfig({
  test: {
    include: ['backend/src/**/*.test.ts', 'control_plane/src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
