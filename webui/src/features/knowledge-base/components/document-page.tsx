'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentDetail } from '@vozlia/contract';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Modal } from '@/components/ui/modal';
import { PageHeader } from '@/components/ui/page-header';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { useTenant } from '@/features/tenant/use-tenant';
import { deleteDocument, documentQuery, kbKey } from '../queries';
import { DocumentForm } from './document-form';

/** `?id=` edits a document and shows its passages; no id starts a new one. */
export function DocumentPage() {
  const api = useApi();
  const tenant = useTenant();
  const router = useRouter();
  const id = useSearchParams().get('id');
  const query = useQuery({ ...documentQuery(api, tenant.tenantId, id ?? ''), enabled: Boolean(id) });
  const goTo = (doc: DocumentDetail) => router.replace(`/knowledge-base/document/?id=${encodeURIComponent(doc.document_id)}`);
  return (
    <>
      <p className="small">
        <Link href="/knowledge-base/">← All documents</Link>
      </p>
      {!id ? (
        <>
          <PageHeader title="New document" />
          <section className="card">
            <DocumentForm tenantId={tenant.tenantId} document={null} etag={null} onSaved={goTo} />
          </section>
        </>
      ) : (
        <QueryView query={query} loadingLabel="Loading the document…">
          {({ doc, etag }) => <Editor key={doc.updated_at} doc={doc} etag={etag} tenantId={tenant.tenantId} />}
        </QueryView>
      )}
    </>
  );
}

function Editor({ doc, etag, tenantId }: { doc: DocumentDetail; etag: string | null; tenantId: string }) {
  const api = useApi();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const [saved, setSaved] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteDocument(api, tenantId, doc.document_id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: kbKey(tenantId) });
      router.replace('/knowledge-base/');
    },
  });
  return (
    <>
      <PageHeader title={doc.title} description={`${doc.passage_count} passages`} actions={<Button variant="danger" onClick={() => setConfirm(true)}>Delete document</Button>} />
      <div className="two-col">
        <section className="card" aria-label="Edit">
          {saved && (
            <p role="status" className="badge badge-success">
              Saved: callers get the new text from the next call.
            </p>
          )}
          <DocumentForm tenantId={tenantId} document={doc} etag={etag} onSaved={() => setSaved(true)} />
        </section>
        <section className="card" aria-labelledby="passages">
          <h2 id="passages">Passages</h2>
          <p className="muted small">The pieces the assistant searches, as saved.</p>
          <ol className="stack">
            {doc.passages.map((p) => (
              <li key={p.passage_no}>
                {p.heading && <strong>{p.heading}</strong>}
                <p className="small">{p.body}</p>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <Modal open={confirm} onOpenChange={setConfirm} title="Delete this document?" description="The assistant stops using it at once.">
        <FormError message={remove.error?.message} />
        <div className="row">
          <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate()}>
            Delete document
          </Button>
          <Button onClick={() => setConfirm(false)}>Keep it</Button>
        </div>
      </Modal>
    </>
  );
}
