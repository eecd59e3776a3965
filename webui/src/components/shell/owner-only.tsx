'use client';
import type { PortalArea } from '@vozlia/contract';
import type { ReactNode } from 'react';
import { Empty } from '@/components/ui/state-views';
import { useTenant } from '@/features/tenant/use-tenant';

/** Pages for the owner (staff see calls, orders and appointments); the API refuses them too. */
export function OwnerOnly({ area, children }: { area?: PortalArea; children: ReactNode }) {
  const tenant = useTenant();
  if (!tenant.can('owner')) return <Empty title="This page is for the business owner">Ask the owner if you need something from here.</Empty>;
  if (area && !tenant.can(area)) return <Empty title="Not switched on for your business">Your operator can turn this feature on.</Empty>;
  return <>{children}</>;
}
