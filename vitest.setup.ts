import { afterAll, vi } from 'vitest';

// Test files share a worker process (`isolate: false`): a file that leaves fake timers on must
// not hand them to the next one.
afterAll(() => {
  vi.useRealTimers();
});
