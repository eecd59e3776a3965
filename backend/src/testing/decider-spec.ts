import type { Decider, DomainEvent } from '../features/kit/command-handler.js';

/**
 * given(events).when(command).then(events | ErrorClass): decider tests without a database
 * (house convention 9). `decide` and `evolve` are the feature's pure functions.
 */

type ErrorClass = abstract new (...args: never[]) => Error;

export function deciderSpec<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return (given: readonly E[]) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, given.reduce(decider.evolve, decider.initial()));
      return {
        then(expected: readonly E[] | ErrorClass): void {
          if (typeof expected === 'function') {
            let thrown: unknown;
            try {
              run();
            } catch (err) {
              thrown = err;
            }
            if (!(thrown instanceof expected)) {
              throw new Error(`expected ${expected.name}, got ${thrown instanceof Error ? thrown.name : 'no error'}`);
            }
            return;
          }
          const actual = JSON.stringify(run());
          if (actual !== JSON.stringify(expected)) throw new Error(`expected ${JSON.stringify(expected)}\n     got ${actual}`);
        },
      };
    },
  });
}
