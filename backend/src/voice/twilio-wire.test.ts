import { describe, expect, it } from 'vitest';
import { mediaPayload, parseTwilioMessage, realtimeAppend, TwilioOutbound } from './twilio-wire.js';

describe('twilio wire', () => {
  it('extracts media payload without parsing and agrees with JSON.parse', () => {
    const payload = Buffer.alloc(160, 0xff).toString('base64');
    const raw = JSON.stringify({ event: 'media', sequenceNumber: '3', media: { track: 'inbound', chunk: '1', timestamp: '5', payload }, streamSid: 'MZ1' });
    expect(parseTwilioMessage(raw)).toEqual({ kind: 'media', payload });
    expect(mediaPayload(raw)).toBe(payload);
  });

  it('mediaPayload declines anything but a plain media message (the caller then parses)', () => {
    expect(mediaPayload('{"event":"mark","mark":{"name":"a1.2"}}')).toBeNull();
    expect(mediaPayload('{"event":"media","media":{"payload":""}}')).toBeNull();
    expect(mediaPayload('{"event":"media","media":{"payload":"AA\\u0041A"}}')).toBeNull();
    expect(mediaPayload('[{"event":"media"}]')).toBeNull();
    // key order differs: the slow path still reads it
    expect(mediaPayload('{"media":{"payload":"AAAA"},"event":"media"}')).toBeNull();
    expect(parseTwilioMessage('{"media":{"payload":"AAAA"},"event":"media"}')).toEqual({ kind: 'media', payload: 'AAAA' });
  });

  it('parses marks, start, stop, dtmf, and rejects junk', () => {
    expect(parseTwilioMessage('{"event":"mark","sequenceNumber":"4","streamSid":"MZ","mark":{"name":"a1.2"}}')).toEqual({ kind: 'mark', name: 'a1.2' });
    const start = {
      event: 'start',
      sequenceNumber: '1',
      streamSid: 'MZ9',
      start: { accountSid: 'AC1', streamSid: 'MZ9', callSid: 'CA1', tracks: ['inbound'], customParameters: { tenant_id: 't' }, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } },
    };
    expect(parseTwilioMessage(JSON.stringify(start))).toEqual({ kind: 'start', streamSid: 'MZ9', callSid: 'CA1', accountSid: 'AC1', customParameters: { tenant_id: 't' } });
    expect(parseTwilioMessage('{"event":"stop","streamSid":"MZ"}')).toEqual({ kind: 'stop' });
    expect(parseTwilioMessage('{"event":"dtmf","dtmf":{"digit":"5","track":"inbound_track"}}')).toEqual({ kind: 'dtmf', digit: '5' });
    expect(parseTwilioMessage('not json')).toEqual({ kind: 'malformed' });
    expect(parseTwilioMessage('{"event":"media","media":{}}')).toEqual({ kind: 'malformed' });
    expect(parseTwilioMessage('{"event":"nope"}')).toEqual({ kind: 'malformed' });
    expect(parseTwilioMessage('[1,2]')).toEqual({ kind: 'malformed' });
  });

  it('media in a different key order still goes through the slow path correctly', () => {
    const raw = '{"streamSid":"MZ","media":{"payload":"AAAA"},"event":"media"}';
    expect(parseTwilioMessage(raw)).toEqual({ kind: 'media', payload: 'AAAA' });
  });

  it('builds outbound messages that are valid JSON', () => {
    const out = new TwilioOutbound('MZ"x');
    expect(JSON.parse(out.media('AAAA'))).toEqual({ event: 'media', streamSid: 'MZ"x', media: { payload: 'AAAA' } });
    expect(JSON.parse(out.mark('a1.1'))).toEqual({ event: 'mark', streamSid: 'MZ"x', mark: { name: 'a1.1' } });
    expect(JSON.parse(out.clear)).toEqual({ event: 'clear', streamSid: 'MZ"x' });
    expect(JSON.parse(realtimeAppend('AAAA'))).toEqual({ type: 'input_audio_buffer.append', audio: 'AAAA' });
  });
});
