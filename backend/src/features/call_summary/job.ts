import OpenAI from 'openai';
import { CALL_CONNECTED, CALL_ENDED, CALL_MISSED, CALL_SUMMARIZED, callStream, type CallSummarized } from '../../calls/call-events.js';
import type { FeaturePorts } from '../../features/types.js';
import type { StoredEvent } from '../../storage/events.js';
import type { JobHandler } from '../../storage/jobs.js';
import { toE164 } from '../../tenancy/tenant.js';
import { APPOINTMENT_REQUESTED } from '../appointment_requests/events.js';
import { ORDER_PLACED } from '../order_placing/events.js';
import { SUMMARY_ATTEMPTS } from './projection.js';
import { deterministicSummary, summaryPrompt, type CallFacts } from './summarize.js';

/** What a caller can get done on a call, as the summary tells it. */
const ACTION_TYPES = [ORDER_PLACED, APPOINTMENT_REQUESTED];
const OPENAI_TIMEOUT_MS = 20_000;
const MAX_SUMMARY_CHARS = 1000;

/**
 * Job: summarise one call (OpenAI text model when a key is configured) and append `call.summarized`
 * once. A customer's call that reached the assistant also tells the owner (`call_summary_ready`:
 * email and webhook by default); a missed call has its own notification, an owner's call none.
 * A model failure throws, so the job retries with backoff; on the last attempt the call keeps
 * the deterministic summary instead of none (the owner still learns what happened).
 */
export function summarizeJob(ports: FeaturePorts): JobHandler {
  return async (payload, job) => {
    const callSid = String(payload.callSid);
    const tenantId = String(payload.tenantId);
    const stream = await ports.events.readStream(callStream(callSid));
    if (stream.some((e) => e.type === CALL_SUMMARIZED)) return;
    const facts = await gatherFacts(ports, callSid, stream);
    let summary: CallSummarized = { callSid, tenantId, summary: deterministicSummary(facts), method: 'deterministic' };
    if (ports.config.openai.apiKey) {
      try {
        summary = { ...summary, summary: await modelSummary(ports, facts), method: 'openai' };
      } catch (err) {
        if (job.attempt < SUMMARY_ATTEMPTS) throw err;
        ports.log.warn({ err, event: 'summary_model_failed', callSid, attempts: job.attempt }, 'text model failed on every attempt: deterministic summary kept');
      }
    }
    const metadata = { actor_mode: 'system' as const, call_sid: callSid, source: 'call_summary' };
    const customerServed = stream.some((e) => e.type === CALL_CONNECTED && e.payload.actorMode === 'client') && !stream.some((e) => e.type === CALL_MISSED);
    const from = customerServed ? (toE164((await ports.reads.calls.callerOf(callSid)) ?? undefined) ?? null) : null;
    await ports.events.append({
      tenantId,
      stream: callStream(callSid),
      events: [
        { type: CALL_SUMMARIZED, payload: summary, idempotencyKey: `summary:${callSid}`, metadata },
        ...(customerServed
          ? [
              ports.notify.queued({
                tenantId,
                notificationId: `summary:${callSid}`,
                callSid,
                facts: { type: 'call_summary_ready', callSid, from, summary: summary.summary },
                idempotencyKey: `notify:summary:${callSid}`,
                metadata,
              }),
            ]
          : []),
      ],
    });
  };
}

async function gatherFacts(ports: FeaturePorts, callSid: string, stream: readonly StoredEvent[]): Promise<CallFacts> {
  const ended = stream.find((e) => e.type === CALL_ENDED);
  const transcript = stream.flatMap((e) => (Array.isArray(e.payload.transcript) ? (e.payload.transcript as { role: string; text: string }[]) : []));
  const from = stream[0]?.position ?? 0;
  const actions = (await ports.reads.calls.eventsDuring(callSid, ACTION_TYPES, from)).map((e) => ({ type: e.type, payload: e.payload }));
  const duration = ended?.payload.durationSeconds;
  return { durationSeconds: typeof duration === 'number' ? duration : null, transcript, actions };
}

async function modelSummary(ports: FeaturePorts, facts: CallFacts): Promise<string> {
  const client = new OpenAI({ apiKey: ports.config.openai.apiKey, baseURL: ports.config.openai.baseUrl, timeout: OPENAI_TIMEOUT_MS, maxRetries: 1 });
  const prompt = summaryPrompt(facts);
  const res = await client.chat.completions.create({
    model: ports.config.openai.textModel,
    messages: [
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ],
  });
  const text = res.choices[0]?.message?.content?.trim();
  if (!text) throw new Error('the text model returned no summary');
  return text.slice(0, MAX_SUMMARY_CHARS);
}
