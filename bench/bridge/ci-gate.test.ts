import { describe, expect, it } from 'vitest';
import { GATE, gateFigures, judgeGate, type GateFigures } from './ci-gate.js';
import type { RunResult } from './run.js';

const healthy: GateFigures = {
  cpuUsPerFrame: { bare: 30, bridge: 33, app: 50 },
  p99Ms: { bare: 40, bridge: 44, app: 60 },
  faults: { bare: 0, bridge: 0, app: 0 },
};
const failing = (f: GateFigures) => judgeGate(f).filter((c) => !c.ok);

describe('the CI bench gate', () => {
  it('passes a run whose ratios are within every tolerance, one check per promise and mode', () => {
    const checks = judgeGate(healthy);
    expect(checks.map((c) => c.measure)).toEqual([
      'bridge CPU / bare',
      'bridge p99 / bare p99',
      'bridge lost + reordered + duplicated',
      'app CPU / bare',
      'app p99 / bare p99',
      'app lost + reordered + duplicated',
    ]);
    expect(failing(healthy)).toEqual([]);
  });

  it('fails when the full app costs twice its CPU per frame, naming the promise in words', () => {
    const f = { ...healthy, cpuUsPerFrame: { ...healthy.cpuUsPerFrame, app: 100 } };
    const [broken, ...rest] = failing(f);
    expect(rest).toEqual([]);
    expect(broken!.measure).toBe('app CPU / bare');
    expect(broken!.text).toBe(`the full app costs 3.33× the bare relay's CPU per frame (100.0 vs 30.0 µs); the gate allows ${GATE.appCpuVsBare.toFixed(2)}×`);
  });

  it('catches a doubled media-stream plugin (2× its CPU per frame)', () => {
    const f = { ...healthy, cpuUsPerFrame: { ...healthy.cpuUsPerFrame, bridge: 66 } };
    expect(failing(f).map((c) => c.text)).toEqual([`the media-stream plugin costs 2.20× the bare relay's CPU per frame (66.0 vs 30.0 µs); the gate allows ${GATE.bridgeCpuVsBare.toFixed(2)}×`]);
  });

  it('allows exactly the limit, and fails just past it', () => {
    const at = { ...healthy, cpuUsPerFrame: { ...healthy.cpuUsPerFrame, bridge: 30 * GATE.bridgeCpuVsBare } };
    expect(failing(at)).toEqual([]);
    const past = { ...healthy, cpuUsPerFrame: { ...healthy.cpuUsPerFrame, bridge: 30 * GATE.bridgeCpuVsBare + 0.1 } };
    expect(failing(past).map((c) => c.measure)).toEqual(['bridge CPU / bare']);
  });

  it('fails on a single lost, reordered or duplicated frame', () => {
    const f = { ...healthy, faults: { bare: 0, bridge: 0, app: 1 } };
    expect(failing(f).map((c) => c.text)).toEqual(['the full app lost, reordered or duplicated 1 frame; the gate allows none']);
  });

  it("judges p99 against bare's, floored at one 20 ms frame on a quiet box", () => {
    const quiet = { ...healthy, p99Ms: { bare: 0.8, bridge: 1.1, app: 20 * GATE.p99VsBare } };
    expect(failing(quiet)).toEqual([]);
    const stalled = { ...quiet, p99Ms: { ...quiet.p99Ms, app: 20 * GATE.p99VsBare + 1 } };
    const [broken] = failing(stalled);
    expect(broken!.text).toBe(`the full app's p99 latency is ${((20 * GATE.p99VsBare + 1) / 20).toFixed(2)}× the bare relay's (${(20 * GATE.p99VsBare + 1).toFixed(2)} ms vs bare's 0.80 ms floored at one 20 ms frame); the gate allows ${GATE.p99VsBare.toFixed(2)}×`);
    const loaded = { ...healthy, p99Ms: { bare: 100, bridge: 100 * GATE.p99VsBare + 5, app: 120 } };
    expect(failing(loaded).map((c) => c.measure)).toEqual(['bridge p99 / bare p99']);
  });

  it('judges only the modes measured, and refuses a run without the bare relay', () => {
    expect(judgeGate({ cpuUsPerFrame: { bare: 30, app: 40 }, p99Ms: { bare: 5, app: 6 }, faults: {} }).map((c) => c.measure)).toEqual(['app CPU / bare', 'app p99 / bare p99', 'app lost + reordered + duplicated']);
    expect(() => judgeGate({ cpuUsPerFrame: { app: 40 }, p99Ms: { app: 6 }, faults: {} })).toThrow(/bare relay/);
  });
});

describe('what the gate reads from the rounds', () => {
  const run = (mode: RunResult['mode'], us: number, p99: number, lost = 0): RunResult => {
    const dir = { n: 1000, p50: 1, p99, max: p99, lost, reordered: 0, duplicated: 0 };
    return { mode, inbound: dir, outbound: { ...dir, p99: p99 / 2, lost: 0, crossTalk: 0 }, marksEchoed: 0, generatorCpuShare: 0.1, serverCpuShare: 0.2, serverCpuUsPerFrame: us, serverRssPerCallKiB: 100, setupWallMs: 10, setupCpuMsPerCall: 1, afterCall: null, share: null };
  };

  it("takes the median run's CPU, the median of the runs' worse-direction p99, and every run's faults", () => {
    const f = gateFigures({ bare: [run('bare', 40, 9), run('bare', 30, 3), run('bare', 35, 5)], app: [run('app', 90, 50, 2), run('app', 50, 7), run('app', 60, 1, 1)] });
    expect(f).toEqual({ cpuUsPerFrame: { bare: 35, app: 60 }, p99Ms: { bare: 5, app: 7 }, faults: { bare: 0, app: 3 } });
  });
});
