import type {
  ConversationItemCreateEvent,
  ConversationItemTruncateEvent,
} from 'openai/resources/realtime/realtime';
import type { Truncation } from './playback-tracker.js';

/**
 * Client events whose shape is the same in GA and beta (checked against both type sets);
 * the dialect files hold only what differs.
 */
export function truncateEvent(t: Truncation): string {
  const ev: ConversationItemTruncateEvent = { type: 'conversation.item.truncate', item_id: t.itemId, content_index: t.contentIndex, audio_end_ms: t.audioEndMs };
  return JSON.stringify(ev);
}

export function functionOutputEvent(callId: string, output: string): string {
  const ev: ConversationItemCreateEvent = { type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output } };
  return JSON.stringify(ev);
}

export function systemMessageEvent(text: string): string {
  const ev: ConversationItemCreateEvent = { type: 'conversation.item.create', item: { type: 'message', role: 'system', content: [{ type: 'input_text', text }] } };
  return JSON.stringify(ev);
}
