'use client';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { QueryView } from '@/components/ui/query-view';
import { useApi } from '@/lib/api/api-context';
import { formatDay } from '@/lib/format/dates';
import { useTenant } from '@/features/tenant/use-tenant';
import { FIGURES } from '../figures';
import { dashboardQuery } from '../queries';
import { FigureCard } from './figure-card';

export function TodayPage() {
  const api = useApi();
  const tenant = useTenant();
  const router = useRouter();
  const isOwner = tenant.can('owner');
  // Staff start at the call log: Today's money figures are the owner's.
  useEffect(() => {
    if (!isOwner) router.replace('/calls/');
  }, [isOwner, router]);
  const query = useQuery({ ...dashboardQuery(api, tenant.tenantId), enabled: isOwner });
  const figures = FIGURES.filter((f) => (f.key === 'orders' || f.key === 'revenue_cents' ? tenant.can('orders') : f.key === 'appointments' ? tenant.can('appointments') : true));

  return (
    <>
      <PageHeader title="Today" description={query.data ? `${formatDay(query.data.today)} · ${query.data.time_zone.replace(/_/g, ' ')}` : 'How your phone line is doing, today and over the last 30 days.'} />
      <QueryView query={query} loadingLabel="Loading today’s figures…">
        {(dashboard) => (
          <div className="grid-cards">
            {figures.map((figure) => (
              <FigureCard key={figure.key} dashboard={dashboard} figure={figure} />
            ))}
          </div>
        )}
      </QueryView>
    </>
  );
}
