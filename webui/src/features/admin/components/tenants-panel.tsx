'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Table } from '@/components/lists/table';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { humanize } from '@/components/ui/badge';
import { Modal } from '@/components/ui/modal';
import { QueryView } from '@/components/ui/query-view';
import { StatusBadge } from '@/components/ui/status-badge';
import { useApi } from '@/lib/api/api-context';
import { adminKey, adminTenantsQuery, setSuspended } from '../queries';
import { CreateTenantFormView } from './create-tenant-form';

const COLUMNS = [{ label: 'Tenant' }, { label: 'Kind' }, { label: 'Numbers' }, { label: 'Status' }, { label: 'Actions', hidden: true }];

export function TenantsPanel() {
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery(adminTenantsQuery(api));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: ({ id, suspend }: { id: string; suspend: boolean }) => setSuspended(api, id, suspend),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <p className="muted" style={{ margin: 0 }}>
          Businesses on this server. A suspended one’s callers hear a short message and the call ends.
        </p>
        <Button variant="primary" onClick={() => setCreating(true)}>
          Create tenant
        </Button>
      </div>
      {created && (
        <p role="status" className="badge badge-success">
          Created {created}.
        </p>
      )}
      <FormError message={toggle.error?.message} />
      <QueryView query={query} loadingLabel="Loading tenants…" isEmpty={(d) => d.items.length === 0} empty={{ title: 'No tenants yet' }}>
        {({ items }) => (
          <Table caption="Tenants" columns={COLUMNS}>
            {items.map((t) => (
              <tr key={t.id}>
                <td data-label="Tenant">
                  <strong>{t.name}</strong>
                  <div className="muted small">
                    {t.id} · {t.time_zone.replace(/_/g, ' ')}
                  </div>
                </td>
                <td data-label="Kind">{humanize(t.vertical)}</td>
                <td data-label="Numbers" className="small">
                  {t.phone_numbers.join(', ') || '—'}
                </td>
                <td data-label="Status">
                  <StatusBadge status={t.status} />
                </td>
                <td data-label="">
                  <Button size="sm" variant={t.status === 'suspended' ? 'secondary' : 'danger'} busy={toggle.isPending && toggle.variables?.id === t.id} onClick={() => toggle.mutate({ id: t.id, suspend: t.status !== 'suspended' })}>
                    {t.status === 'suspended' ? `Resume ${t.id}` : `Suspend ${t.id}`}
                  </Button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </QueryView>
      <Modal open={creating} onOpenChange={setCreating} title="Create tenant" description="A new business with its own numbers. Add owners and codes afterwards.">
        <CreateTenantFormView
          onCreated={(id) => {
            setCreating(false);
            setCreated(id);
          }}
        />
      </Modal>
    </div>
  );
}
