import { afterAll, vi } from 'vitest';

// Test files share a worker process (`isolate: false`): a file that leaves fake timers, stubbed
// globals or environment, or spies on, must not hand them to the next one.
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
