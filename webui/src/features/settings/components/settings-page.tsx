'use client';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '@/components/ui/page-header';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { zoneLabel } from '@/lib/format/time-zones';
import { useTenant } from '@/features/tenant/use-tenant';
import { tenantSettingsQuery } from '../queries';
import { AccessCodesSection } from './access-codes-section';
import { AssistantSection } from './assistant-section';
import { HoursSection } from './hours-section';
import { NotificationsSection } from './notifications-section';

/** Settings with no form here yet; listed so an owner knows where they will be. */
const COMING = ['Feature switches', 'Menu, or services and staff'];

export function SettingsPage() {
  const api = useApi();
  const tenant = useTenant();
  const settings = useQuery(tenantSettingsQuery(api, tenant.tenantId));
  return (
    <>
      <PageHeader title="Settings" description={tenant.profile ? `${tenant.profile.name} · ${zoneLabel(tenant.profile.time_zone)}` : undefined} />
      <div className="stack">
        <QueryView query={settings} loadingLabel="Loading settings…">
          {(s) => (
            <div className="stack">
              <AssistantSection tenantId={tenant.tenantId} settings={s} />
              <HoursSection tenantId={tenant.tenantId} settings={s} />
            </div>
          )}
        </QueryView>
        <AccessCodesSection tenantId={tenant.tenantId} zone={tenant.zone} />
        <NotificationsSection tenantId={tenant.tenantId} />
        <section className="card" aria-labelledby="more-settings">
          <h2 id="more-settings">More settings</h2>
          <p className="muted">These are set up by your operator for now and will be editable here:</p>
          <ul>
            {COMING.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
