'use client';
import { useQuery } from '@tanstack/react-query';
import { humanize } from '@/components/ui/badge';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { ownerContactsQuery } from '../queries';

/** Who the business's own messages go to (editing arrives with the settings API). */
export function OwnerContactsSection({ tenantId }: { tenantId: string }) {
  const api = useApi();
  const query = useQuery(ownerContactsQuery(api, tenantId));
  return (
    <section className="card stack" aria-labelledby="contacts-heading">
      <div>
        <h2 id="contacts-heading">Notification contacts</h2>
        <p className="muted">Who hears about new orders, appointment requests and missed calls.</p>
      </div>
      <QueryView query={query} loadingLabel="Loading contacts…" isEmpty={(d) => d.items.length === 0} empty={{ title: 'Nobody is notified yet' }}>
        {(data) => (
          <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.items.map((c) => (
              <li key={c.contact_id}>
                <strong>{c.name}</strong>
                <div className="small">{[c.phone, c.email].filter(Boolean).join(' · ')}</div>
                <div className="small muted">
                  {Object.entries(c.notify)
                    .map(([kind, channels]) => `${humanize(kind)}: ${channels.join(', ').toUpperCase()}`)
                    .join(' · ')}
                </div>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
