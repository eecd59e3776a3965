import type { Metadata } from 'next';
import { Suspense } from 'react';
import { OwnerOnly } from '@/components/shell/owner-only';
import { Loading } from '@/components/ui/state-views';
import { AuditDetailPage } from '@/features/audit/components/audit-detail';

export const metadata: Metadata = { title: 'Audit entry' };

export default function Page() {
  return (
    <OwnerOnly>
      <Suspense fallback={<Loading />}>
        <AuditDetailPage />
      </Suspense>
    </OwnerOnly>
  );
}
