'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LoginRequest } from '@vozlia/contract';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { useApi } from '@/lib/api/api-context';
import { ApiError } from '@/lib/api/api-error';
import { useApiForm } from '@/lib/use-api-form';
import { sessionKey, signIn } from '../queries';

function signInMessage(error: unknown): string {
  if (error instanceof ApiError && error.kind === 'unauthorized') return 'That email and password do not match an account.';
  if (error instanceof ApiError && error.kind === 'rate_limited') {
    const minutes = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 60) : null;
    return `Too many attempts. Try again ${minutes ? `in ${minutes} min` : 'later'}.`;
  }
  return error instanceof Error ? error.message : 'Sign-in failed.';
}

export function SignInForm({ next }: { next: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { form, formError, setFormError } = useApiForm(LoginRequest, { email: '', password: '' });
  const mutation = useMutation({
    mutationFn: (body: LoginRequest) => signIn(api, body),
    onSuccess: (session) => {
      // A new user in this tab: nothing cached for the previous one may show.
      queryClient.clear();
      queryClient.setQueryData(sessionKey, session);
      router.replace(next);
    },
    onError: (error) => {
      setFormError(signInMessage(error));
      form.resetField('password');
    },
  });
  const { errors } = form.formState;

  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit((body) => mutation.mutate(body))}>
      <FormError message={formError} />
      <Field label="Email" error={errors.email?.message}>
        {(p) => <input {...p} {...form.register('email')} type="email" autoComplete="username" inputMode="email" />}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(p) => <input {...p} {...form.register('password')} type="password" autoComplete="current-password" />}
      </Field>
      <Button type="submit" variant="primary" busy={mutation.isPending}>
        Sign in
      </Button>
    </form>
  );
}
