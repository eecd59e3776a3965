import { describe, expect, it } from 'vitest';
import { TurnState } from './turn-state.js';

describe('TurnState: responses', () => {
  it('sends response.create at once when idle, defers it while a response is active', () => {
    const t = new TurnState();
    expect(t.requestResponse()).toBe(true);
    t.responseCreated('r1');
    expect(t.activeResponseId).toBe('r1');
    expect(t.requestResponse()).toBe(false);
    expect(t.responseDone('other')).toBe(false);
    expect(t.responseDone('r1')).toBe(true);
    expect(t.activeResponseId).toBeNull();
    expect(t.responseDone('r1')).toBe(false);
  });

  it('forgets what it owed the old socket when the connection is lost', () => {
    const t = new TurnState();
    t.responseCreated('r1');
    t.requestResponse();
    t.connectionLost();
    expect(t.activeResponseId).toBeNull();
    t.responseCreated('r2');
    expect(t.responseDone('r2')).toBe(false);
  });

  it('keeps the greeting pending until a response is created', () => {
    const t = new TurnState();
    expect(t.greetingPending).toBe(false);
    t.greetingRequested();
    expect(t.greetingPending).toBe(true);
    t.responseCreated('r1');
    expect(t.greetingPending).toBe(false);
  });

  it('drops interrupted responses, remembering the last 16', () => {
    const t = new TurnState();
    expect(t.isDropped('r0')).toBe(false);
    for (let i = 0; i < 17; i++) t.drop(`r${i}`);
    t.drop('r16');
    expect(t.isDropped('r0')).toBe(false);
    expect(t.isDropped('r1')).toBe(true);
    expect(t.isDropped('r16')).toBe(true);
  });
});

describe('TurnState: turn latency', () => {
  it('greeting: stream start → first assistant frame, reported once', () => {
    const t = new TurnState();
    expect(t.awaitingAudio).toBe(false);
    t.streamStarted(100);
    expect(t.awaitingAudio).toBe(true);
    expect(t.assistantAudioSent(850)).toEqual({ kind: 'greeting', ms: 750 });
    expect(t.awaitingAudio).toBe(false);
    expect(t.assistantAudioSent(900)).toBeNull();
  });

  it('reply: from the last speech_stopped before the first frame', () => {
    const t = new TurnState();
    t.streamStarted(0);
    t.assistantAudioSent(500);
    t.callerTurnEnded(2000);
    t.callerTurnEnded(2600); // the caller went on: count from their last words
    expect(t.assistantAudioSent(3300)).toEqual({ kind: 'reply', ms: 700 });
    t.callerTurnEnded(5000);
    expect(t.assistantAudioSent(5400)).toEqual({ kind: 'reply', ms: 400 });
  });

  it('a caller who speaks before the greeting plays does not restart the greeting clock', () => {
    const t = new TurnState();
    t.streamStarted(0);
    t.callerTurnEnded(300);
    expect(t.assistantAudioSent(1000)).toEqual({ kind: 'greeting', ms: 1000 });
  });
});
