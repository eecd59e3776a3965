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
import { CatalogSection } from './catalog-section';
import { FeatureSwitchesSection } from './feature-switches-section';
import { HoursSection } from './hours-section';
import { MenuSection } from './menu-section';
import { NotificationsSection } from './notifications-section';

export function SettingsPage() {
  const api = useApi();
  const tenant = useTenant();
  const settings = useQuery(tenantSettingsQuery(api, tenant.tenantId));
  return (
    <>
      <PageHeader title="Settings" description={tenant.profile ? `${tenant.profile.name} · ${zoneLabel(tenant.profile.time_zone)}` : undefined} />
      <div className="stack">
        <QueryView query={settings} loadingLabel="Loading settings…">
          {({ doc: s, etag }) => (
            <div className="stack">
              <AssistantSection tenantId={tenant.tenantId} settings={s} etag={etag} />
              <HoursSection tenantId={tenant.tenantId} settings={s} etag={etag} />
              <FeatureSwitchesSection tenantId={tenant.tenantId} settings={s} etag={etag} />
              {tenant.profile?.areas.includes('orders') && <MenuSection tenantId={tenant.tenantId} openingHours={s.opening_hours} />}
              {tenant.profile?.areas.includes('appointments') && <CatalogSection tenantId={tenant.tenantId} openingHours={s.opening_hours} />}
            </div>
          )}
        </QueryView>
        <AccessCodesSection tenantId={tenant.tenantId} zone={tenant.zone} />
        <NotificationsSection tenantId={tenant.tenantId} />
      </div>
    </>
  );
}
