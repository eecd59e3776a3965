'use client';
import { PageHeader } from '@/components/ui/page-header';
import { useTenant } from '@/features/tenant/use-tenant';
import { AccessCodesSection } from './access-codes-section';
import { NotificationsSection } from './notifications-section';

/** Settings whose tenant API is not out yet; listed so an owner knows where they will be. */
const COMING = [
  'Greeting and instructions, for customers and for you',
  'Feature switches',
  'Opening hours and holidays',
  'Menu, or services and staff',
  'Transfer numbers',
  'Blocked numbers',
];

export function SettingsPage() {
  const tenant = useTenant();
  return (
    <>
      <PageHeader title="Settings" description={tenant.profile ? `${tenant.profile.name} · ${tenant.profile.time_zone.replace(/_/g, ' ')}` : undefined} />
      <div className="stack">
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
