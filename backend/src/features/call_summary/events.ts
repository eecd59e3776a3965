/** Call lifecycle events are the phone entry's (stream `call:<CallSid>`); `call.summarized` is ours. */
export const CALL_ENDED = 'call.ended';
export const CALL_RECORDED = 'call.recorded';
export const CALL_SUMMARIZED = 'call.summarized';
export const SUMMARY_QUEUE = 'call_summary.summarize';

export const callStream = (callSid: string) => ({ type: 'call', id: callSid });

export interface CallSummarized {
  callSid: string;
  tenantId: string;
  summary: string;
  method: 'openai' | 'deterministic';
}
