'use client';
import { PageHeader } from '@/components/ui/page-header';
import { monthIn } from '@/lib/format/dates';
import { useTenant } from '@/features/tenant/use-tenant';
import { UsagePanel } from './usage-panel';

export function UsagePage() {
  const tenant = useTenant();
  return (
    <>
      <PageHeader title="Usage and invoices" description="What your line used each month, counted from your call records, and what was billed." />
      <UsagePanel tenantId={tenant.tenantId} via="tenant" currentMonth={monthIn(tenant.zone)} />
    </>
  );
}
