import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeSpeech, RealtimeFake } from '../testing/realtime-fake/index.js';
import { startBridgeHarness } from '../testing/twilio-sim/bridge-harness.js';
import { SimPhone } from '../testing/twilio-sim/index.js';
import { sleep, until } from '../testing/twilio-sim/waits.js';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A logger whose sink throws on lines naming one of `events`: a listener that fails mid-call. */
function loggerThatThrowsOn(events: string[], lines: string[]) {
  return pino(
    { level: 'info' },
    {
      write(line: string) {
        if (events.some((e) => line.includes(`"event":"${e}"`))) throw new Error(`sink refused ${line.slice(0, 40)}`);
        lines.push(line);
      },
    },
  );
}

describe('listeners never throw', () => {
  it('a failing Twilio listener and a failing tool-result callback are logged and counted; the call goes on', async () => {
    const lines: string[] = [];
    const fake = await RealtimeFake.start({ responder: () => undefined });
    const bridge = await startBridgeHarness({ voice: { realtimeUrl: fake.url }, log: loggerThatThrowsOn(['dtmf', 'tool_call'], lines) });
    cleanup.push(() => fake.close(), () => bridge.close());
    const phone = await SimPhone.connect(bridge.issue());
    const conn = await fake.connection(0);
    await conn.waitFor('response.create');

    phone.sendDtmf('5'); // its handler logs `dtmf`, which throws here
    conn.functionCall('anything', {}); // the tool's result callback logs `tool_call`, which throws
    for (const end = performance.now() + 3000; (await bridge.metricValue('voz_voice_listener_errors_total')) < 2 && performance.now() < end; ) await sleep(5);
    expect(await bridge.metricValue('voz_voice_listener_errors_total', { where: 'twilio' })).toBe(1);
    expect(await bridge.metricValue('voz_voice_listener_errors_total', { where: 'tool_result' })).toBe(1);
    expect(lines.filter((l) => l.includes('"event":"listener_error"')).map((l) => (JSON.parse(l) as { where: string }).where).sort()).toEqual(['tool_result', 'twilio']);

    // The call goes on: assistant audio still reaches the phone, caller audio the model.
    const ids = conn.startResponse();
    conn.audioDelta(ids, fakeSpeech(100, 5));
    await until(() => phone.audioReceived().length >= 100 * 8);
    phone.startSilence();
    await until(() => conn.inputAudio().length > 0);
    phone.hangUp();
    await until(() => bridge.records.length === 1);
    expect(bridge.records[0]!.endReason).toBe('twilio_stop');
  });
});
