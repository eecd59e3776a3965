import { describe, expect, it } from 'vitest';
import { betaDialect } from './beta.js';
import { DialectState, dialectFor, isModalityError, pickSupportedModalities } from './dialect-state.js';
import { gaDialect } from './ga.js';
import type { SessionSpec } from './dialect.js';

const spec: SessionSpec = {
  instructions: 'Be brief.',
  voice: 'alloy',
  tools: [{ type: 'function', name: 'search_knowledge_base', description: 'd', parameters: { type: 'object', properties: {} } }],
  transcriptionModel: 'whisper-1',
  modalities: ['audio'],
};

describe('ga dialect', () => {
  it('session.update: pcmu both ways, server_vad with interrupt_response, output_modalities', () => {
    const ev = JSON.parse(gaDialect.sessionUpdate(spec));
    expect(ev).toEqual({
      type: 'session.update',
      session: {
        type: 'realtime',
        output_modalities: ['audio'],
        instructions: 'Be brief.',
        audio: {
          input: { format: { type: 'audio/pcmu' }, transcription: { model: 'whisper-1' }, turn_detection: { type: 'server_vad', interrupt_response: true, create_response: true } },
          output: { format: { type: 'audio/pcmu' }, voice: 'alloy' },
        },
        tools: spec.tools,
        tool_choice: 'auto',
      },
    });
    expect(JSON.parse(gaDialect.responseCreate({ modalities: ['audio'], instructions: 'Say hi' }))).toEqual({
      type: 'response.create',
      response: { output_modalities: ['audio'], instructions: 'Say hi' },
    });
  });

  it('parses audio deltas on the fast path and other events through Zod', () => {
    const raw = JSON.stringify({ type: 'response.output_audio.delta', event_id: 'e', response_id: 'r1', item_id: 'i1', output_index: 0, content_index: 0, delta: 'AAAA' });
    expect(gaDialect.parse(raw)).toEqual({ kind: 'audioDelta', responseId: 'r1', itemId: 'i1', contentIndex: 0, delta: 'AAAA' });
    expect(gaDialect.parse(raw.replace('"content_index":0', '"content_index":12'))).toMatchObject({ contentIndex: 12 });
    expect(gaDialect.parse(JSON.stringify({ type: 'response.output_audio.done', event_id: 'e', response_id: 'r1', item_id: 'i1', output_index: 0, content_index: 0 }))).toEqual({ kind: 'audioDone', responseId: 'r1', itemId: 'i1' });
    expect(gaDialect.parse(JSON.stringify({ type: 'response.audio.delta', delta: 'AAAA', response_id: 'r', item_id: 'i' }))).toEqual({ kind: 'unknown', type: 'response.audio.delta' });
    expect(gaDialect.parse(JSON.stringify({ type: 'response.output_audio_transcript.done', response_id: 'r', item_id: 'i', transcript: 'Hi' }))).toEqual({ kind: 'assistantTranscript', responseId: 'r', itemId: 'i', text: 'Hi' });
    expect(gaDialect.parse(JSON.stringify({ type: 'response.output_item.done', response_id: 'r', item: { type: 'function_call', name: 'f', call_id: 'c', arguments: '{"a":1}' } }))).toEqual({ kind: 'functionCall', responseId: 'r', callId: 'c', name: 'f', arguments: '{"a":1}' });
    expect(gaDialect.parse(JSON.stringify({ type: 'response.output_item.done', response_id: 'r', item: { type: 'message' } }))).toEqual({ kind: 'unknown', type: 'response.output_item.done' });
    expect(gaDialect.parse(JSON.stringify({ type: 'error', event_id: 'e', error: { type: 'invalid_request_error', code: 'x', message: 'm', param: null } }))).toEqual({ kind: 'error', code: 'x', message: 'm', param: null, eventId: null });
    expect(gaDialect.parse(JSON.stringify({ type: 'input_audio_buffer.speech_started', item_id: 'u1', audio_start_ms: 5 }))).toEqual({ kind: 'speechStarted', itemId: 'u1' });
    expect(gaDialect.parse(JSON.stringify({ type: 'response.created', response: { id: 'r1', status: 'in_progress' } }))).toEqual({ kind: 'responseCreated', responseId: 'r1' });
    expect(gaDialect.parse(JSON.stringify({ type: 'brand.new.event' }))).toEqual({ kind: 'unknown', type: 'brand.new.event' });
    expect(gaDialect.parse('{oops')).toEqual({ kind: 'unknown', type: '(malformed)' });
  });
});

describe('beta dialect', () => {
  it('session.update: g711_ulaw, modalities audio+text, beta header', () => {
    const ev = JSON.parse(betaDialect.sessionUpdate({ ...spec, modalities: ['audio', 'text'] }));
    expect(ev.session).toMatchObject({
      modalities: ['audio', 'text'],
      input_audio_format: 'g711_ulaw',
      output_audio_format: 'g711_ulaw',
      voice: 'alloy',
      turn_detection: { type: 'server_vad', interrupt_response: true },
      input_audio_transcription: { model: 'whisper-1' },
    });
    expect(betaDialect.headers).toEqual({ 'OpenAI-Beta': 'realtime=v1' });
    expect(JSON.parse(betaDialect.responseCreate({ modalities: ['audio', 'text'] }))).toEqual({ type: 'response.create', response: { modalities: ['audio', 'text'] } });
  });

  it('never defaults to audio alone', () => {
    expect(new DialectState(betaDialect).modalities).toEqual(['audio', 'text']);
    for (const c of betaDialect.modalityCandidates) expect(c).not.toEqual(['audio']);
  });

  it('parses beta audio deltas and transcripts', () => {
    const raw = JSON.stringify({ type: 'response.audio.delta', event_id: 'e', response_id: 'r1', item_id: 'i1', output_index: 0, content_index: 0, delta: 'AAAA' });
    expect(betaDialect.parse(raw)).toMatchObject({ kind: 'audioDelta', delta: 'AAAA', responseId: 'r1' });
    expect(betaDialect.parse(JSON.stringify({ type: 'response.audio.done', response_id: 'r1', item_id: 'i1' }))).toEqual({ kind: 'audioDone', responseId: 'r1', itemId: 'i1' });
    expect(betaDialect.parse(JSON.stringify({ type: 'response.audio_transcript.done', response_id: 'r', item_id: 'i', transcript: 'Yo' }))).toMatchObject({ kind: 'assistantTranscript', text: 'Yo' });
  });
});

describe('modality retry', () => {
  it('detects modality errors and picks the supported set from the message', () => {
    const msg = "Invalid modalities: ['audio']. Supported combinations are: ['text'] and ['audio', 'text'].";
    expect(isModalityError({ code: 'invalid_value', message: msg, param: null })).toBe(true);
    expect(isModalityError({ code: 'x', message: 'nope', param: 'session.voice' })).toBe(false);
    expect(pickSupportedModalities(msg, ['audio'], gaDialect)).toEqual(['audio', 'text']);
    expect(pickSupportedModalities('bad modalities', ['audio', 'text'], betaDialect)).toEqual(['text', 'audio']);
  });

  it('DialectState remembers what worked', () => {
    const s = new DialectState(dialectFor('ga'));
    expect(s.remember(['audio', 'text'])).toBe(true);
    expect(s.remember(['audio', 'text'])).toBe(false);
    expect(s.modalities).toEqual(['audio', 'text']);
  });
});
