'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Table } from '@/components/lists/table';
import { PageHeader } from '@/components/ui/page-header';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { formatInstant } from '@/lib/format/dates';
import { useTenant } from '@/features/tenant/use-tenant';
import { documentsQuery } from '../queries';
import { SearchTester } from './search-tester';

const COLUMNS = [{ label: 'Document' }, { label: 'Passages', num: true }, { label: 'Updated' }];

export function DocumentsPage() {
  const api = useApi();
  const tenant = useTenant();
  const query = useQuery(documentsQuery(api, tenant.tenantId));
  return (
    <>
      <PageHeader
        title="Knowledge base"
        description="What your assistant knows about your business: menus, hours, policies. It answers callers from these documents only."
        actions={
          <Link href="/knowledge-base/document/" className="btn btn-primary">
            New document
          </Link>
        }
      />
      <QueryView query={query} loadingLabel="Loading documents…" isEmpty={(d) => d.items.length === 0} empty={{ title: 'No documents yet', body: 'Add one so the assistant can answer questions about your business.' }}>
        {(data) => (
          <Table caption="Documents" columns={COLUMNS}>
            {data.items.map((doc) => (
              <tr key={doc.document_id}>
                <td data-label="Document">
                  <Link href={`/knowledge-base/document/?id=${encodeURIComponent(doc.document_id)}`}>{doc.title}</Link>
                  <div className="muted small">{doc.document_id}</div>
                </td>
                <td data-label="Passages" className="num">
                  {doc.passage_count}
                </td>
                <td data-label="Updated">{formatInstant(doc.updated_at, tenant.zone)}</td>
              </tr>
            ))}
          </Table>
        )}
      </QueryView>
      <div className="section">
        <SearchTester tenantId={tenant.tenantId} />
      </div>
    </>
  );
}
