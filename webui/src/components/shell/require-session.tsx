'use client';
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { ErrorState, Loading } from '@/components/ui/state-views';
import { useApi } from '@/lib/api/api-context';
import { sessionQuery } from '@/features/session/queries';

/** Renders its children only with a session; without one, goes to sign in and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const api = useApi();
  const session = useQuery(sessionQuery(api));
  const router = useRouter();
  const pathname = usePathname();
  const signedOut = session.isSuccess && session.data === null;

  useEffect(() => {
    // Back to the same page after sign-in, filters in its query string included.
    if (signedOut) router.replace(`/sign-in/?next=${encodeURIComponent(pathname + window.location.search)}`);
  }, [signedOut, router, pathname]);

  if (session.isError) {
    return (
      <main className="center-page">
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }
  if (!session.data) {
    return (
      <main className="center-page">
        <Loading label={signedOut ? 'Taking you to sign in…' : 'Loading your business…'} />
      </main>
    );
  }
  return <>{children}</>;
}
