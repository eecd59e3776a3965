import type {
  ResponseAudioDeltaEvent,
  ResponseAudioDoneEvent,
  ResponseAudioTranscriptDoneEvent,
  ResponseCreateEvent,
  SessionUpdateEvent,
} from 'openai/resources/realtime/realtime';
import type { Modality, RealtimeDialect, ResponseSpec, SessionSpec } from './dialect.js';
import { parseServerEvent, type DialectEventNames } from './parse-server-event.js';

/** GA Realtime: nested `audio.{input,output}` config, `audio/pcmu`, `output_modalities`. */
const NAMES: DialectEventNames = {
  audioDelta: 'response.output_audio.delta' satisfies ResponseAudioDeltaEvent['type'],
  audioDone: 'response.output_audio.done' satisfies ResponseAudioDoneEvent['type'],
  assistantTranscriptDone: 'response.output_audio_transcript.done' satisfies ResponseAudioTranscriptDoneEvent['type'],
};

const PCMU = { type: 'audio/pcmu' } as const;

export const gaDialect: RealtimeDialect = Object.freeze({
  name: 'ga' as const,
  headers: Object.freeze({}),
  // GA documents ["audio"] (audio always carries a transcript) or ["text"].
  modalityCandidates: [['audio'], ['audio', 'text']] as const satisfies readonly (readonly Modality[])[],

  sessionUpdate(spec: SessionSpec): string {
    const ev: SessionUpdateEvent = {
      type: 'session.update',
      session: {
        type: 'realtime',
        output_modalities: spec.modalities,
        instructions: spec.instructions,
        audio: {
          input: {
            format: PCMU,
            transcription: { model: spec.transcriptionModel },
            turn_detection: { type: 'server_vad', interrupt_response: true, create_response: true },
          },
          output: { format: PCMU, voice: spec.voice },
        },
        tools: spec.tools,
        tool_choice: 'auto',
      },
    };
    return JSON.stringify(ev);
  },

  responseCreate(spec: ResponseSpec): string {
    const ev: ResponseCreateEvent = {
      type: 'response.create',
      response: { output_modalities: spec.modalities, ...(spec.instructions === undefined ? {} : { instructions: spec.instructions }) },
    };
    return JSON.stringify(ev);
  },

  parse(raw: string) {
    return parseServerEvent(raw, NAMES);
  },
});
