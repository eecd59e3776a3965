'use client';
import * as Tabs from '@radix-ui/react-tabs';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Loading } from '@/components/ui/state-views';
import { ApiClient } from '@/lib/api/api-client';
import { ApiProvider } from '@/lib/api/api-context';
import { useAdminToken } from '../admin-token';
import { adminKey } from '../queries';
import { AdminUsagePanel } from './admin-usage-panel';
import { FeaturesPanel } from './features-panel';
import { HealthPanel } from './health-panel';
import { TenantsPanel } from './tenants-panel';
import { TokenForm } from './token-form';

const TABS = [
  { value: 'tenants', label: 'Tenants', panel: <TenantsPanel /> },
  { value: 'usage', label: 'Usage and invoices', panel: <AdminUsagePanel /> },
  { value: 'features', label: 'Feature kill switches', panel: <FeaturesPanel /> },
  { value: 'health', label: 'Health', panel: <HealthPanel /> },
];

/** The platform admin's console: every call goes out with the bearer token, never a cookie. */
export function AdminConsole() {
  const [token, setToken] = useAdminToken();
  const queryClient = useQueryClient();
  const api = useMemo(() => new ApiClient({ csrfToken: () => null, bearerToken: () => sessionStorage.getItem('vozlia.admin-token') || null }), []);
  const forget = () => {
    setToken(null);
    queryClient.removeQueries({ queryKey: adminKey });
  };

  return (
    <main id="main" className="content" style={{ margin: '0 auto' }}>
      <PageHeader title="Admin console" description="Tenants, usage, feature switches and health of this Vozlia server." actions={token !== null && token !== undefined && <Button onClick={forget}>Forget token</Button>} />
      {token === undefined ? (
        <Loading />
      ) : token === null ? (
        <section className="card" style={{ maxWidth: '28rem' }}>
          <TokenForm onAccepted={setToken} />
        </section>
      ) : (
        <ApiProvider value={api}>
          <Tabs.Root defaultValue="tenants">
            <Tabs.List className="tabs-list" aria-label="Admin areas">
              {TABS.map((t) => (
                <Tabs.Trigger key={t.value} value={t.value} className="tabs-trigger">
                  {t.label}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            {TABS.map((t) => (
              <Tabs.Content key={t.value} value={t.value}>
                {t.panel}
              </Tabs.Content>
            ))}
          </Tabs.Root>
        </ApiProvider>
      )}
    </main>
  );
}
