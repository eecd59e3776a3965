import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Loading } from '@/components/ui/state-views';
import { CallsPage } from '@/features/calls/components/calls-page';

export const metadata: Metadata = { title: 'Calls' };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <CallsPage />
    </Suspense>
  );
}
