import { afterEach, describe, expect, it } from 'vitest';
import { RealtimeFake } from '../testing/realtime-fake/index.js';
import { startBridgeHarness, type BridgeHarnessOptions } from '../testing/twilio-sim/bridge-harness.js';
import { SimPhone } from '../testing/twilio-sim/index.js';
import { until } from '../testing/twilio-sim/waits.js';
import type { CallAction } from './call-context.js';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** The default fake responder answers every response.create with 400 ms of speech at real time. */
async function setup(voice: BridgeHarnessOptions['voice'], act: (a: CallAction) => Promise<boolean>) {
  const fake = await RealtimeFake.start();
  const bridge = await startBridgeHarness({ voice: { realtimeUrl: fake.url, ...voice }, act });
  cleanup.push(() => fake.close(), () => bridge.close());
  const phone = await SimPhone.connect(bridge.issue());
  const rt = await fake.connection(0);
  return { fake, bridge, phone, rt };
}

const instructionsOf = (e: Record<string, unknown>) => String((e['response'] as { instructions?: string } | undefined)?.instructions ?? '');

describe('call limits (issue 13)', () => {
  it('max duration: a warning first, then a goodbye that plays in full, then the hang-up action', async () => {
    const actions: { action: CallAction; at: number }[] = [];
    const { bridge, phone, rt } = await setup({ limits: { maxCallMs: 2500, warnBeforeMs: 1200, silenceMs: 60_000 } }, async (action) => {
      actions.push({ action, at: performance.now() });
      return true;
    });
    phone.startSilence();
    const warning = await rt.waitFor('response.create', (e) => instructionsOf(e).includes('about a minute'), 3000);
    expect(warning).toBeTruthy();
    const goodbye = await rt.waitFor('response.create', (e) => instructionsOf(e).includes('time limit'), 4000);
    expect(goodbye).toBeTruthy();
    await until(() => actions.length > 0, 4000);
    expect(actions[0]!.action).toEqual({ kind: 'hang_up', reason: 'max_duration' });
    // The goodbye was heard: its last mark came back before the action.
    expect(phone.marksEchoed.at(-1)!.at).toBeLessThanOrEqual(actions[0]!.at);
    expect(phone.timeline().filter((c) => c.cut)).toEqual([]);
    await phone.closed();
    await until(() => bridge.records.length > 0);
    expect(bridge.records[0]!.endReason).toBe('max_duration');
  });

  it('silence: one "are you still there?", then a goodbye and the end; caller speech resets it', async () => {
    const actions: CallAction[] = [];
    const { bridge, phone, rt } = await setup({ limits: { silenceMs: 500 } }, async (action) => {
      actions.push(action);
      return true;
    });
    phone.startSilence();
    const prompt = await rt.waitFor('response.create', (e) => instructionsOf(e).includes('Are you still there'), 3000);
    expect(prompt).toBeTruthy();
    // The caller answers: the silence clock starts over once the reply has played.
    rt.speechStarted();
    rt.speechStopped();
    const second = await rt.waitFor('response.create', (e) => instructionsOf(e).includes('Are you still there') && e !== prompt, 4000);
    expect(second).toBeTruthy();
    expect(actions).toEqual([]);
    await rt.waitFor('response.create', (e) => instructionsOf(e).includes('not answering'), 4000);
    await until(() => actions.length > 0, 4000);
    expect(actions[0]).toEqual({ kind: 'hang_up', reason: 'silence' });
    await phone.closed();
    await until(() => bridge.records.length > 0);
    expect(bridge.records[0]!.endReason).toBe('silence');
  });

  it('a refused transfer keeps the call going and asks the model to offer a message', async () => {
    const actions: CallAction[] = [];
    const fake = await RealtimeFake.start();
    const bridge = await startBridgeHarness({
      voice: { realtimeUrl: fake.url },
      tools: [{ type: 'function', name: 'transfer_call', description: 't', parameters: { type: 'object', properties: {} } }],
      invokeTool: async () => ({ ok: true, call_action: { kind: 'transfer', reason: 'wants a person' } }),
      act: async (a) => {
        actions.push(a);
        return false;
      },
    });
    cleanup.push(() => fake.close(), () => bridge.close());
    const phone = await SimPhone.connect(bridge.issue());
    const rt = await fake.connection(0);
    await rt.waitFor('response.create');
    const out = await rt.callTool('transfer_call', { reason: 'wants a person' });
    expect(JSON.parse(out.output)).toEqual({ ok: true });
    await rt.waitFor('response.create', (e) => instructionsOf(e).includes('did not go through'), 5000);
    expect(actions).toEqual([{ kind: 'transfer', reason: 'wants a person' }]);
    expect(phone.isOpen).toBe(true);
    phone.hangUp();
  });
});
