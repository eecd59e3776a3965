'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { QueryView } from '@/components/ui/query-view';
import { Empty } from '@/components/ui/state-views';
import { StatusBadge } from '@/components/ui/status-badge';
import { useApi } from '@/lib/api/api-context';
import { formatInstant, formatMs } from '@/lib/format/dates';
import { useTenant } from '@/features/tenant/use-tenant';
import { askedBy, auditEntryQuery } from '../queries';

export function AuditDetailPage() {
  const api = useApi();
  const tenant = useTenant();
  const id = useSearchParams().get('id') ?? '';
  const query = useQuery({ ...auditEntryQuery(api, tenant.tenantId, id), enabled: id.length > 0 });
  return (
    <>
      <p className="small">
        <Link href="/audit/">← Audit trail</Link>
      </p>
      {!id ? (
        <Empty title="No entry chosen" />
      ) : (
        <QueryView query={query} loadingLabel="Loading the entry…">
          {(e) => (
            <>
              <PageHeader title={e.question ?? e.tool} description={`${askedBy(e)}, ${formatInstant(e.occurred_at, tenant.zone)}`} actions={<StatusBadge status={e.outcome} />} />
              <section className="card">
                <dl className="facts">
                  <dt>Tool</dt>
                  <dd>
                    <code>{e.tool}</code>
                  </dd>
                  <dt>Rows</dt>
                  <dd>{e.row_count ?? '—'}</dd>
                  <dt>Time</dt>
                  <dd>{e.duration_ms === null ? '—' : formatMs(e.duration_ms)}</dd>
                  {e.error && (
                    <>
                      <dt>Problem</dt>
                      <dd>{e.error}</dd>
                    </>
                  )}
                  {e.call_sid && (
                    <>
                      <dt>Call</dt>
                      <dd>
                        <Link href={`/calls/detail/?id=${encodeURIComponent(e.call_sid)}`}>Open the call</Link>
                      </dd>
                    </>
                  )}
                </dl>
              </section>
              <section className="card" aria-labelledby="audit-spec">
                <h2 id="audit-spec">Query</h2>
                <pre aria-label="QuerySpec">{e.spec ? JSON.stringify(e.spec, null, 2) : 'None.'}</pre>
              </section>
              <section className="card" aria-labelledby="audit-sql">
                <h2 id="audit-sql">SQL</h2>
                <pre aria-label="SQL">{e.sql ?? 'No SQL ran.'}</pre>
                {e.params && e.params.length > 0 && <p className="small muted">Parameters: {e.params.map((p) => JSON.stringify(p)).join(', ')}</p>}
              </section>
            </>
          )}
        </QueryView>
      )}
    </>
  );
}
