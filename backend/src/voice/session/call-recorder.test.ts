import { describe, expect, it } from 'vitest';
import { CallRecorder } from './call-recorder.js';

const claims = { tenantId: 't1', actorMode: 'client', tenantMode: 'dedicated', callSid: 'CA1' } as const;
const inputs = { claims, dialect: 'ga', endReason: 'twilio_stop', reconnects: 0, chimes: 2 } as const;

describe('CallRecorder', () => {
  it('is served when the caller heard the assistant and spoke, or when a tool ran', () => {
    const heardOnly = new CallRecorder();
    heardOnly.assistantHeard();
    expect(heardOnly.record(inputs).served).toBe(false);
    const both = new CallRecorder();
    both.assistantHeard();
    both.callerSpoke();
    expect(both.record(inputs).served).toBe(true);
    const tool = new CallRecorder();
    tool.toolStarted();
    expect(tool.record(inputs).served).toBe(true);
  });

  it('keeps non-blank transcript lines and finds the last caller utterance', () => {
    const r = new CallRecorder();
    expect(r.lastCallerUtterance()).toBeUndefined();
    r.said('caller', 'I want a pizza');
    r.said('assistant', 'Which one?');
    r.said('caller', '   ');
    expect(r.lastCallerUtterance()).toBe('I want a pizza');
    expect(r.transcript.map((l) => [l.role, l.text])).toEqual([
      ['caller', 'I want a pizza'],
      ['assistant', 'Which one?'],
    ]);
  });

  it('builds the record from its own facts and the inputs, copying the counters', () => {
    const started = new Date('2026-01-01T10:00:00Z');
    const r = new CallRecorder(started);
    r.frames.in = 10;
    r.frames.out = 4;
    r.firstAudio(812.4);
    r.firstAudio(5000); // only the first counts
    r.bargedIn({ itemId: 'it1', contentIndex: 0, audioEndMs: 420 });
    r.bargedIn(null);
    r.toolFinished({ name: 'x', callId: 'c1', ok: true, latencyMs: 12, at: started.toISOString() });
    const rec = r.record({ ...inputs, reconnects: 1, endedAt: new Date('2026-01-01T10:01:00Z') });
    r.frames.in = 99;
    expect(rec).toMatchObject({
      callSid: 'CA1',
      tenantId: 't1',
      dialect: 'ga',
      startedAt: '2026-01-01T10:00:00.000Z',
      endedAt: '2026-01-01T10:01:00.000Z',
      endReason: 'twilio_stop',
      firstAssistantAudioMs: 812,
      reconnects: 1,
      chimes: 2,
      frames: { in: 10, out: 4, marksOut: 0, marksIn: 0, badIn: 0, lateDeltasDropped: 0 },
      toolCalls: [expect.objectContaining({ name: 'x', ok: true })],
    });
    expect(rec.bargeIns.map((b) => [b.itemId, b.audioEndMs])).toEqual([
      ['it1', 420],
      [null, null],
    ]);
  });

  it('summarises reply latencies by nearest rank', () => {
    const r = new CallRecorder();
    expect(r.replyLatencies()).toEqual({ n: 0, p50: null, p90: null });
    for (const ms of [900, 300, 500, 700, 1100, 400, 600, 800, 1000, 200]) r.replyLatency(ms);
    expect(r.replyLatencies()).toEqual({ n: 10, p50: 600, p90: 1000 });
  });
});
