import { describe, expect, it } from 'vitest';
import type { EventStore } from '../../storage/event-store.js';
import type { StoredEvent } from '../../storage/events.js';
import { handleCommand, type Decider } from './command-handler.js';

type Counted = { type: 'counter.added'; data: { n: number } };
type Add = { type: 'Add'; data: { n: number } };

/** Folds only its own type; anything else reaching `evolve` is a pipeline bug. */
const counter: Decider<Add, Counted, number> = {
  eventTypes: new Set(['counter.added'] as const),
  initial: () => 0,
  evolve: (total, e) => {
    if (e.type !== 'counter.added') throw new Error(`evolve was handed ${String((e as { type: string }).type)}`);
    return total + e.data.n;
  },
  decide: (c, total) => [{ type: 'counter.added', data: { n: total + c.data.n } }],
};

const stored = (type: string, payload: object, version: number) => ({ type, payload, version }) as unknown as StoredEvent;

function memoryStore(history: StoredEvent[]) {
  const appended: { expectedVersion: unknown; types: string[] }[] = [];
  const store: Pick<EventStore, 'readStream' | 'append'> = {
    readStream: async () => history,
    append: async (req) => {
      appended.push({ expectedVersion: req.expectedVersion, types: req.events.map((e) => e.type) });
      return { events: [] } as unknown as Awaited<ReturnType<EventStore['append']>>;
    },
  };
  return { store, appended };
}

describe('the command pipeline', () => {
  it("folds only the decider's own event types: another owner's event on the stream changes nothing", async () => {
    const { store, appended } = memoryStore([stored('counter.added', { n: 2 }, 1), stored('notification.queued', { channel: 'sms' }, 2), stored('counter.added', { n: 3 }, 3)]);
    const { events } = await handleCommand(store, 't', { type: 'counter', id: 'c1' }, counter, { type: 'Add', data: { n: 1 } });
    expect(events, 'the state is the sum of its own events only').toEqual([{ type: 'counter.added', data: { n: 6 } }]);
    expect(appended, 'appended after the last event of the stream, whoever wrote it').toEqual([{ expectedVersion: 3, types: ['counter.added'] }]);
  });
});
