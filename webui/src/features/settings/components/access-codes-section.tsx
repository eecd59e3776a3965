'use client';
import type { AccessCodeEntry, IssuedAccessCode } from '@vozlia/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Table } from '@/components/lists/table';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Modal } from '@/components/ui/modal';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { formatInstant } from '@/lib/format/dates';
import { accessCodesKey, accessCodesQuery, issueAccessCode, revokeAccessCode } from '../queries';
import { IssuedCode } from './issued-code';

const COLUMNS = [{ label: 'Code' }, { label: 'For' }, { label: 'Issued' }, { label: 'Actions', hidden: true }];
const who = (mode: string) => (mode === 'owner' ? 'You (owner)' : 'Customers');

export function AccessCodesSection({ tenantId, zone }: { tenantId: string; zone: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery(accessCodesQuery(api, tenantId));
  const [issued, setIssued] = useState<IssuedAccessCode | null>(null);
  const [revoking, setRevoking] = useState<AccessCodeEntry | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: accessCodesKey(tenantId) });
  const issue = useMutation({ mutationFn: (mode: 'owner' | 'client') => issueAccessCode(api, tenantId, mode), onSuccess: async (code) => (setIssued(code), await refresh()) });
  const revoke = useMutation({ mutationFn: (id: string) => revokeAccessCode(api, tenantId, id), onSuccess: async () => (setRevoking(null), await refresh()) });

  return (
    <section className="card stack" aria-labelledby="codes-heading">
      <div>
        <h2 id="codes-heading">Access codes</h2>
        <p className="muted">8-digit codes for the shared phone line. An owner code lets you ask about your business by phone; a customer code reaches your assistant as a caller.</p>
      </div>
      <FormError message={issue.error?.message} />
      <div className="row">
        <Button variant="primary" busy={issue.isPending && issue.variables === 'owner'} onClick={() => issue.mutate('owner')}>
          Issue owner code
        </Button>
        <Button busy={issue.isPending && issue.variables === 'client'} onClick={() => issue.mutate('client')}>
          Issue customer code
        </Button>
      </div>
      <QueryView query={query} loadingLabel="Loading codes…" isEmpty={(d) => d.items.length === 0} empty={{ title: 'No codes issued here yet' }}>
        {(data) => (
          <Table caption="Access codes in use" columns={COLUMNS}>
            {data.items.map((c) => (
              <tr key={c.id}>
                <td data-label="Code">
                  <span aria-label="hidden digits">•••• ••••</span> <span className="muted small">({c.id.slice(0, 8)})</span>
                </td>
                <td data-label="For">{who(c.actor_mode)}</td>
                <td data-label="Issued">{c.created_at ? formatInstant(c.created_at, zone) : c.source ?? '—'}</td>
                <td data-label="">
                  <Button size="sm" variant="danger" onClick={() => setRevoking(c)} aria-label={`Revoke ${who(c.actor_mode).toLowerCase()} code ${c.id.slice(0, 8)}`}>
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </QueryView>
      <Modal open={issued !== null} onOpenChange={(o) => !o && setIssued(null)} title="New access code">
        {issued && <IssuedCode issued={issued} />}
      </Modal>
      <Modal open={revoking !== null} onOpenChange={(o) => !o && setRevoking(null)} title="Revoke this code?" description="It stops working at once, on every call. Anyone using it will have to ask you for a new one.">
        <FormError message={revoke.error?.message} />
        <div className="row">
          <Button variant="danger" busy={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
            Revoke code
          </Button>
          <Button onClick={() => setRevoking(null)}>Keep it</Button>
        </div>
      </Modal>
    </section>
  );
}
