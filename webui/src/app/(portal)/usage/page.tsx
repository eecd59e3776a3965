import type { Metadata } from 'next';
import { OwnerOnly } from '@/components/shell/owner-only';
import { UsagePage } from '@/features/usage/components/usage-page';

export const metadata: Metadata = { title: 'Usage and invoices' };

export default function Page() {
  return (
    <OwnerOnly>
      <UsagePage />
    </OwnerOnly>
  );
}
