'use client';
import { useQuery } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { useApi } from '@/lib/api/api-context';
import { safeNext } from '@/lib/safe-next';
import { sessionQuery } from '../queries';
import { SignInForm } from './sign-in-form';

export function SignInPage() {
  const api = useApi();
  const router = useRouter();
  const next = safeNext(useSearchParams().get('next'));
  const session = useQuery(sessionQuery(api));
  const signedIn = Boolean(session.data);
  useEffect(() => {
    if (signedIn) router.replace(next);
  }, [signedIn, next, router]);

  return (
    <main className="center-page">
      <div className="card auth-card">
        <p className="brand">Vozlia</p>
        <h1>Sign in to your business</h1>
        <p className="muted">Calls, orders and appointments your phone assistant took, in one place.</p>
        <SignInForm next={next} />
      </div>
    </main>
  );
}
