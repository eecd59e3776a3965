'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { useApi } from '@/lib/api/api-context';
import { signOut } from '@/features/session/queries';

/** Ends the session on the server, then forgets every cached answer of this user. */
export function SignOutButton() {
  const api = useApi();
  const queryClient = useQueryClient();
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => signOut(api),
    // Even when the server is unreachable, this tab must not keep showing the business.
    onSettled: () => {
      queryClient.clear();
      router.replace('/sign-in/');
    },
  });
  return (
    <Button variant="ghost" size="sm" busy={mutation.isPending} onClick={() => mutation.mutate()}>
      Sign out
    </Button>
  );
}
