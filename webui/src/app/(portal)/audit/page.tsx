import type { Metadata } from 'next';
import { OwnerOnly } from '@/components/shell/owner-only';
import { AuditPage } from '@/features/audit/components/audit-page';

export const metadata: Metadata = { title: 'Audit' };

export default function Page() {
  return (
    <OwnerOnly>
      <AuditPage />
    </OwnerOnly>
  );
}
