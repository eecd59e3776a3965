/**
 * Wraps a callback the session does not call from a leg (timers, tool results, waiters) so it
 * never throws: a failure is logged and counted, and the call goes on.
 */
export type Guard = <A extends unknown[]>(where: string, fn: (...args: A) => void) => (...args: A) => void;

export function guardWith(failed: (where: string, err: unknown) => void): Guard {
  return (where, fn) =>
    (...args) => {
      try {
        fn(...args);
      } catch (err) {
        try {
          failed(where, err);
        } catch {
          /* the report itself failed: nothing left to tell */
        }
      }
    };
}
