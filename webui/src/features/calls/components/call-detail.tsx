'use client';
import { useQuery } from '@tanstack/react-query';
import type { CallDetail } from '@vozlia/contract';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { QueryView } from '@/components/ui/query-view';
import { Empty } from '@/components/ui/state-views';
import { StatusBadge } from '@/components/ui/status-badge';
import { useApi } from '@/lib/api/api-context';
import { formatDuration, formatInstant, formatMs, formatTime } from '@/lib/format/dates';
import { useTenant } from '@/features/tenant/use-tenant';
import { callerLabel, modeLabel, replyLatencyLabel } from '../call-words';
import { CallTransferView, RecordedMessageView } from './call-transfer';
import { callQuery } from '../queries';
import { Transcript } from './transcript';

export function CallDetailPage() {
  const api = useApi();
  const tenant = useTenant();
  const id = useSearchParams().get('id') ?? '';
  const query = useQuery({ ...callQuery(api, tenant.tenantId, id), enabled: id.length > 0 });
  if (!id) return <Empty title="No call chosen">{<Link href="/calls/">Back to calls</Link>}</Empty>;
  return (
    <>
      <p className="small">
        <Link href="/calls/">← All calls</Link>
      </p>
      <QueryView query={query} loadingLabel="Loading the call…">
        {(call) => <CallView call={call} zone={tenant.zone} />}
      </QueryView>
    </>
  );
}

function CallView({ call, zone }: { call: CallDetail; zone: string }) {
  return (
    <>
      <PageHeader title={`Call from ${callerLabel(call)}`} description={formatInstant(call.started_at, zone)} actions={<StatusBadge status={call.outcome} />} />
      <div className="two-col">
        <section className="card" aria-labelledby="call-facts">
          <h2 id="call-facts">About this call</h2>
          <dl className="facts">
            <dt>Caller</dt>
            <dd>{call.caller_number ?? 'Unknown'}</dd>
            <dt>Line</dt>
            <dd>{modeLabel(call.actor_mode)}</dd>
            <dt>Duration</dt>
            <dd>{call.duration_seconds === null ? '—' : formatDuration(call.duration_seconds)}</dd>
            <dt>Greeting</dt>
            <dd data-testid="call-greeting-latency">{call.first_audio_ms === null ? '—' : `${formatMs(call.first_audio_ms)} to the first word`}</dd>
            <dt>Reply latency</dt>
            <dd data-testid="call-reply-latency">{replyLatencyLabel(call)}</dd>
            <dt>Interruptions</dt>
            <dd>{call.barge_ins}</dd>
            {call.missed_reason && (
              <>
                <dt>Missed because</dt>
                <dd>{call.missed_reason.replace(/_/g, ' ')}</dd>
              </>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="call-summary">
          <h2 id="call-summary">Summary</h2>
          <p>{call.summary ?? <span className="muted">No summary for this call.</span>}</p>
          <h3>Transfer</h3>
          <CallTransferView transfer={call.transfer} zone={zone} />
          <h3>Message left</h3>
          <RecordedMessageView message={call.message} />
        </section>
      </div>
      <section className="card" aria-labelledby="call-transcript">
        <h2 id="call-transcript">Transcript</h2>
        <Transcript entries={call.transcript} zone={zone} />
      </section>
      <div className="two-col section">
        <section className="card" aria-labelledby="call-tools">
          <h2 id="call-tools">Tools run</h2>
          {call.tools.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul>
              {call.tools.map((t, i) => (
                <li key={i}>
                  <code>{t.name}</code> at {formatTime(t.at, zone)}, {formatMs(t.latency_ms)} — {t.ok ? 'done' : `failed${t.error ? `: ${t.error}` : ''}`}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="call-barge">
          <h2 id="call-barge">Interruptions</h2>
          {call.barge_in_events.length === 0 ? (
            <p className="muted">The caller never had to talk over the assistant.</p>
          ) : (
            <ul>
              {call.barge_in_events.map((b, i) => (
                <li key={i}>
                  {formatTime(b.at, zone)}
                  {b.audio_end_ms !== null && `, after ${formatMs(b.audio_end_ms)} of the answer`}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
