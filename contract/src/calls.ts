import { z } from 'zod';
import { page, PageQuery } from './pagination.js';
import { Count, IsoDate, IsoInstant } from './scalars.js';

/**
 * The call log under `/api/tenants/:tenant_id/`.
 * - `GET calls` (`CallListQuery`) → `CallList`, newest first.
 * - `GET calls/:call_sid` → `CallDetail` (404 for another tenant's call).
 */
export const CallActorMode = z.enum(['client', 'owner']);
export type CallActorMode = z.infer<typeof CallActorMode>;

/**
 * What came of a call, in the owner's words. `missed`: never reached the assistant or hung up
 * before being served (contract §3); `not_served`: connected, but nothing was done for the caller.
 */
export const CallOutcome = z.enum(['in_progress', 'served', 'not_served', 'missed', 'transferred', 'message_taken', 'rejected']);
export type CallOutcome = z.infer<typeof CallOutcome>;

export const CallSummary = z.object({
  call_sid: z.string(),
  started_at: IsoInstant,
  ended_at: IsoInstant.nullable(),
  /** E.164 or Twilio's raw value (`anonymous`); the tenant's own users only. */
  caller_number: z.string().nullable(),
  /** From the tenant's contacts, when the caller gave a name before. */
  caller_name: z.string().nullable(),
  actor_mode: CallActorMode.nullable(),
  tenant_mode: z.enum(['dedicated', 'shared']).nullable(),
  outcome: CallOutcome,
  /** From the status callback's `CallDuration`. */
  duration_seconds: Count.nullable(),
  /** Stream start → the greeting's first audio frame. */
  first_audio_ms: Count.nullable(),
  /** Caller stops speaking → first assistant audio, over the call's turns. */
  turn_latency_p50_ms: Count.nullable(),
  turn_latency_p90_ms: Count.nullable(),
  tool_calls: Count,
  barge_ins: Count,
  summary: z.string().nullable(),
});
export type CallSummary = z.infer<typeof CallSummary>;

export const CallListQuery = PageQuery.extend({
  outcome: CallOutcome.optional(),
  actor_mode: CallActorMode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type CallListQuery = z.input<typeof CallListQuery>;

export const CallList = page(CallSummary);
export type CallList = z.infer<typeof CallList>;

export const TranscriptEntry = z.object({ role: z.enum(['caller', 'assistant']), text: z.string(), at: IsoInstant });
export type TranscriptEntry = z.infer<typeof TranscriptEntry>;

export const ToolRun = z.object({
  name: z.string(),
  ok: z.boolean(),
  latency_ms: Count,
  at: IsoInstant,
  error: z.string().nullable(),
});
export type ToolRun = z.infer<typeof ToolRun>;

export const BargeIn = z.object({
  at: IsoInstant,
  /** How much of the interrupted answer the caller had heard. */
  audio_end_ms: Count.nullable(),
});
export type BargeIn = z.infer<typeof BargeIn>;

/**
 * `canceled`: called off (the caller spoke over the handoff line, or hung up while it rang);
 * `closed`: outside opening hours, straight to the message recorder (nobody was rung).
 */
export const TransferOutcome = z.enum(['answered', 'no_answer', 'busy', 'failed', 'canceled', 'pending', 'closed']);
export type TransferOutcome = z.infer<typeof TransferOutcome>;

export const CallTransfer = z.object({
  reason: z.string().nullable(),
  /** E.164 of the number dialled. */
  to_number: z.string().nullable(),
  outcome: TransferOutcome,
  at: IsoInstant,
});
export type CallTransfer = z.infer<typeof CallTransfer>;

export const RecordedMessage = z.object({
  /** A link the owner's browser can play (same origin or the provider's). */
  recording_url: z.string(),
  duration_seconds: Count.nullable(),
  at: IsoInstant,
});
export type RecordedMessage = z.infer<typeof RecordedMessage>;

export const CallDetail = CallSummary.extend({
  missed_reason: z.string().nullable(),
  end_reason: z.string().nullable(),
  transcript: z.array(TranscriptEntry),
  tools: z.array(ToolRun),
  barge_in_events: z.array(BargeIn),
  transfer: CallTransfer.nullable(),
  message: RecordedMessage.nullable(),
});
export type CallDetail = z.infer<typeof CallDetail>;
