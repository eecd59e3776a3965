'use client';
import type { AdminFeature } from '@vozlia/contract';
import { useQuery } from '@tanstack/react-query';
import { Table } from '@/components/lists/table';
import { Badge } from '@/components/ui/badge';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { adminFeaturesQuery } from '../queries';

const COLUMNS = [{ label: 'Feature' }, { label: 'Customers' }, { label: 'Owners' }, { label: 'Kill switch' }];

const state = (f: AdminFeature, mode: 'client' | 'owner') =>
  !f.declared_modes.includes(mode) ? <span className="muted">—</span> : f.effective?.[mode].allowed ? <Badge tone="success">On</Badge> : <Badge tone="danger">Off</Badge>;

/** Each feature's effective state everywhere; the switch itself is `VOZ_FEATURE_<NAME>=0` for now. */
export function FeaturesPanel() {
  const api = useApi();
  const query = useQuery(adminFeaturesQuery(api));
  return (
    <div className="stack">
      <p className="muted">A killed feature is off for every tenant at once. Until switches can be flipped here, set the variable shown and restart.</p>
      <QueryView query={query} loadingLabel="Loading features…">
        {(data) => (
          <Table caption="Features and their kill switches" columns={COLUMNS}>
            {data.features.map((f) => (
              <tr key={f.name}>
                <td data-label="Feature">
                  <strong>{f.name}</strong>
                  {f.description && <div className="muted small">{f.description}</div>}
                </td>
                <td data-label="Customers">{state(f, 'client')}</td>
                <td data-label="Owners">{state(f, 'owner')}</td>
                <td data-label="Kill switch">
                  <code>VOZ_FEATURE_{f.name.toUpperCase()}=0</code>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </QueryView>
    </div>
  );
}
