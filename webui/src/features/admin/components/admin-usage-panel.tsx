'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { monthIn } from '@/lib/format/dates';
import { UsagePanel } from '@/features/usage/components/usage-panel';
import { adminTenantsQuery } from '../queries';

export function AdminUsagePanel() {
  const api = useApi();
  const query = useQuery(adminTenantsQuery(api));
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <QueryView query={query} loadingLabel="Loading tenants…" isEmpty={(d) => d.items.length === 0} empty={{ title: 'No tenants yet' }}>
      {({ items: tenants }) => {
        const tenant = tenants.find((t) => t.id === chosen) ?? tenants[0]!;
        return (
          <div className="stack">
            <Field label="Tenant">
              {(p) => (
                <select {...p} value={tenant.id} onChange={(e) => setChosen(e.target.value)} style={{ maxWidth: '24rem' }}>
                  {tenants.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name} ({t.id})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <UsagePanel key={tenant.id} tenantId={tenant.id} via="admin" currentMonth={monthIn(tenant.time_zone || 'UTC')} />
          </div>
        );
      }}
    </QueryView>
  );
}
