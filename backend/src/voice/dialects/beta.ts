import type {
  ResponseAudioDeltaEvent,
  ResponseAudioDoneEvent,
  ResponseAudioTranscriptDoneEvent,
  ResponseCreateEvent,
  SessionUpdateEvent,
} from 'openai/resources/beta/realtime/realtime';
import type { Modality, RealtimeDialect, ResponseSpec, SessionSpec } from './dialect.js';
import { parseServerEvent, type DialectEventNames } from './parse-server-event.js';

/** Beta Realtime (`OpenAI-Beta: realtime=v1`): flat session, `g711_ulaw`, `modalities`. */
const NAMES: DialectEventNames = {
  audioDelta: 'response.audio.delta' satisfies ResponseAudioDeltaEvent['type'],
  audioDone: 'response.audio.done' satisfies ResponseAudioDoneEvent['type'],
  assistantTranscriptDone: 'response.audio_transcript.done' satisfies ResponseAudioTranscriptDoneEvent['type'],
};

export const betaDialect: RealtimeDialect = Object.freeze({
  name: 'beta' as const,
  headers: Object.freeze({ 'OpenAI-Beta': 'realtime=v1' }),
  // Beta refuses ["audio"] alone: the supported audio set is ["audio","text"].
  modalityCandidates: [['audio', 'text'], ['text', 'audio']] as const satisfies readonly (readonly Modality[])[],

  sessionUpdate(spec: SessionSpec): string {
    const ev: SessionUpdateEvent = {
      type: 'session.update',
      session: {
        modalities: spec.modalities,
        instructions: spec.instructions,
        voice: spec.voice,
        input_audio_format: 'g711_ulaw',
        output_audio_format: 'g711_ulaw',
        input_audio_transcription: { model: spec.transcriptionModel },
        turn_detection: { type: 'server_vad', interrupt_response: true, create_response: true },
        tools: spec.tools,
        tool_choice: 'auto',
      },
    };
    return JSON.stringify(ev);
  },

  responseCreate(spec: ResponseSpec): string {
    const ev: ResponseCreateEvent = {
      type: 'response.create',
      response: { modalities: spec.modalities, ...(spec.instructions === undefined ? {} : { instructions: spec.instructions }) },
    };
    return JSON.stringify(ev);
  },

  parse(raw: string) {
    return parseServerEvent(raw, NAMES);
  },
});
