'use client';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { SessionInfo } from '@vozlia/contract';
import { ApiClient } from '@/lib/api/api-client';
import { ApiProvider } from '@/lib/api/api-context';
import { makeQueryClient } from '@/lib/query/query-client';
import { sessionKey } from '@/features/session/queries';

/** One query client and one API client per tab; the CSRF token is read from the session query. */
export function Providers({ children }: { children: ReactNode }) {
  const [{ api, queryClient }] = useState(() => {
    // Any 401 means the session is gone: clearing it sends the shell to the sign-in page.
    const queryClient = makeQueryClient(() => queryClient.setQueryData(sessionKey, null));
    const api = new ApiClient({ csrfToken: () => queryClient.getQueryData<SessionInfo | null>(sessionKey)?.csrf_token ?? null });
    return { api, queryClient };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider value={api}>{children}</ApiProvider>
    </QueryClientProvider>
  );
}
