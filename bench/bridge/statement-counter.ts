/**
 * Counts the embedded database's statements by phase (setup, window, teardown) for the profile
 * harness: wraps the database thread's `query` on its prototype (every statement the app sends
 * PGlite passes there), so it must run before the app opens its database. Statements are keyed
 * by their first words, parameters apart; each one's time is wall time to its result (a message
 * to PGlite's thread and back: about its CPU on a quiet box).
 */
import { PgliteThread } from '../../backend/src/storage/pglite-thread-client.js';

export interface PhaseStatements {
  total: number;
  ms: number;
  top: [string, number, number][];
}

export interface StatementCounter {
  /** Counts from now on go to `phase`. */
  phase(name: string): void;
  /** Per phase: statements, their ms, and the costliest: [statement, count, ms]. */
  report(top?: number): Record<string, PhaseStatements>;
}

type QueryFn = (this: PgliteThread, sql: string, params: readonly unknown[]) => Promise<unknown>;

export function countPgliteStatements(): StatementCounter {
  const counts = new Map<string, Map<string, { n: number; ms: number }>>();
  let current = new Map<string, { n: number; ms: number }>();
  counts.set('start', current);
  const owner = PgliteThread.prototype as unknown as { query: QueryFn };
  const original = owner.query;
  owner.query = function (this: PgliteThread, sql: string, params: readonly unknown[]) {
    const key = sql.replace(/\s+/g, ' ').trim().slice(0, 110);
    const c = current.get(key) ?? { n: 0, ms: 0 };
    current.set(key, c);
    c.n++;
    const t0 = performance.now();
    const done = () => void (c.ms += performance.now() - t0);
    const result = original.call(this, sql, params);
    result.then(done, done);
    return result;
  };
  return {
    phase(name) {
      current = counts.get(name) ?? new Map();
      counts.set(name, current);
    },
    report(top = 40) {
      return Object.fromEntries(
        [...counts].map(([phase, m]): [string, PhaseStatements] => {
          const all = [...m].map(([sql, c]): [string, number, number] => [sql, c.n, Math.round(c.ms)]);
          const sum = (i: 1 | 2) => all.reduce((a, s) => a + s[i], 0);
          return [phase, { total: sum(1), ms: sum(2), top: all.sort((a, b) => b[2] - a[2]).slice(0, top) }];
        }),
      );
    },
  };
}
