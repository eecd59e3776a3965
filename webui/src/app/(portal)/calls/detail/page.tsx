import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Loading } from '@/components/ui/state-views';
import { CallDetailPage } from '@/features/calls/components/call-detail';

export const metadata: Metadata = { title: 'Call' };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <CallDetailPage />
    </Suspense>
  );
}
