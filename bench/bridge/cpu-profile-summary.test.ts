import { describe, expect, it } from 'vitest';
import { moduleOf, summariseProfile, type CpuProfile } from './cpu-profile-summary.js';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

describe('summariseProfile', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('send', 'file:///r/node_modules/ws/lib/sender.js', 9) },
      { id: 4, callFrame: frame('appendAudio', 'file:///work/wt/x/backend/src/voice/session/realtime-connection.ts', 41) },
      { id: 5, callFrame: frame('(garbage collector)') },
    ],
    // Sample i lasts until sample i+1: idle 4 ms, ws 2 + 2 ms, ours 1 ms, gc 1 ms (the last sample has no end).
    samples: [2, 3, 4, 3, 5, 2],
    timeDeltas: [0, 4000, 2000, 1000, 2000, 1000],
    startTime: 0,
    endTime: 10_000,
  };

  it('ranks self time by module and by function, idle left out of the busy share', () => {
    const s = summariseProfile(profile);
    expect(s.totalMs).toBe(10);
    expect(s.busyMs).toBe(6);
    expect(s.byModule.map((m) => [m.name, m.ms])).toEqual([
      ['ws', 4],
      ['backend/src/voice/session/realtime-connection.ts', 1],
      ['(garbage collector)', 1],
    ]);
    expect(s.byFunction[0]).toEqual({ name: 'send ws:10', ms: 4, share: 4 / 6 });
  });

  it('falls back to hit counts spread over the profile when there are no samples', () => {
    const s = summariseProfile({ nodes: [{ id: 1, callFrame: frame('f', 'node:events', 3), hitCount: 3 }, { id: 2, callFrame: frame('(idle)'), hitCount: 1 }], startTime: 0, endTime: 8000 });
    expect(s.byModule).toEqual([{ name: 'node:events', ms: 6, share: 1 }]);
  });
});

describe('moduleOf', () => {
  it('names dependencies by package, ours by path, V8 by its pseudo-frame', () => {
    expect(moduleOf('file:///a/node_modules/@electric-sql/pglite/dist/index.js', 'q')).toBe('@electric-sql/pglite');
    expect(moduleOf('file:///a/node_modules/pino/lib/proto.js', 'info')).toBe('pino');
    expect(moduleOf('file:///work/wt/fullapp/backend/src/calls/admission.ts', 'admit')).toBe('backend/src/calls/admission.ts');
    expect(moduleOf('', '(program)')).toBe('(program)');
    expect(moduleOf('', 'writev')).toBe('(native)');
  });
});
