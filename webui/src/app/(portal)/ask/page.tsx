import type { Metadata } from 'next';
import { OwnerOnly } from '@/components/shell/owner-only';
import { AskPage } from '@/features/ask/components/ask-page';

export const metadata: Metadata = { title: 'Ask your business' };

export default function Page() {
  return (
    <OwnerOnly area="analytics">
      <AskPage />
    </OwnerOnly>
  );
}
