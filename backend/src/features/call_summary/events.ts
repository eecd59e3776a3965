/**
 * call_summary's job queue. Its event, `call.summarized`, goes on the call's stream and is
 * declared with that stream's contract (calls/call-events.ts).
 */
export const SUMMARY_QUEUE = 'call_summary.summarize';
