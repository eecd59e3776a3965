import { CALL_ENDED, CALL_RECORDED, CALL_SUMMARIZED, SHARED_TENANT, type CallSummarized } from '../../calls/call-events.js';
import type { InlineDeps } from '../../features/types.js';
import type { Projection, Reactor, StoredEvent, Trx } from '../../storage/events.js';
import { SUMMARY_QUEUE } from './events.js';
import './tables.js';

/** Lets a `call.recorded` that follows `call.ended` land before the summary is written. */
const SUMMARY_DELAY_MS = 3000;
/** The text model is asked this many times (with backoff); the last attempt settles for the deterministic summary. */
export const SUMMARY_ATTEMPTS = 4;

/** `call_summaries`: one row per summarised call. */
export const callSummariesProjection: Projection = {
  name: 'call_summaries',
  handles: [CALL_SUMMARIZED],
  tables: ['call_summaries'],
  async apply(trx: Trx, event: StoredEvent) {
    const p = event.payload as unknown as CallSummarized;
    if (!p.callSid) return;
    const row = { tenant_id: event.tenantId, summary: String(p.summary ?? ''), method: p.method ?? 'deterministic', created_at: event.occurredAt };
    await trx.insertInto('call_summaries').values({ call_sid: p.callSid, ...row }).onConflict((oc) => oc.column('call_sid').doUpdateSet(row)).execute();
  },
};

/** After a live call ends (or is recorded), one summary job per call (dedupe key). Seeded history carries its own. */
export const summaryReactors = ({ jobs, clock }: InlineDeps): Reactor[] => [
  {
    name: 'call_summary_enqueue',
    handles: [CALL_ENDED, CALL_RECORDED],
    async react(trx: Trx, event: StoredEvent) {
      const callSid = (event.payload as { callSid?: string }).callSid;
      if (!callSid || event.tenantId === SHARED_TENANT || event.metadata.source === 'seed') return;
      await jobs.enqueue(SUMMARY_QUEUE, { callSid, tenantId: event.tenantId }, { dedupeKey: `summary:${callSid}`, runAt: new Date(clock().getTime() + SUMMARY_DELAY_MS), maxAttempts: SUMMARY_ATTEMPTS }, trx);
    },
  },
];
