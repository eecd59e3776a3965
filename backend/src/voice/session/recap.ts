import type { TranscriptEntry } from '../call-context.js';

/** Last transcript lines replayed to a reconnected model. */
export const RECAP_LINES = 6;
const RECAP_LINE_CHARS = 200;
/** A tool result that finished while the model was away is told to the new session, capped. */
const RECAP_TOOL_CHARS = 1500;

/** What a reconnected model is told about the conversation so far; null when nothing was said. */
export function recapMessage(transcript: readonly TranscriptEntry[]): string | null {
  const lines = transcript.slice(-RECAP_LINES);
  if (lines.length === 0) return null;
  const body = lines.map((l) => `${l.role}: ${l.text.slice(0, RECAP_LINE_CHARS)}`).join('\n');
  return `The connection was briefly interrupted. Conversation so far:\n${body}\nContinue naturally without greeting again.`;
}

/** One tool result, in words, for a model whose socket did not issue its call_id. */
export function toolResultLine(name: string, output: string): string {
  return `${name} returned: ${output.slice(0, RECAP_TOOL_CHARS)}`;
}

export function toolResultsMessage(lines: readonly string[]): string {
  return `While the connection was interrupted, a tool you called finished:\n${lines.join('\n')}\nTell the caller the outcome now.`;
}
