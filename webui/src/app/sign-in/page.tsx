import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Loading } from '@/components/ui/state-views';
import { SignInPage } from '@/features/session/components/sign-in-page';

export const metadata: Metadata = { title: 'Sign in' };

export default function Page() {
  return (
    <Suspense fallback={<Loading />}>
      <SignInPage />
    </Suspense>
  );
}
