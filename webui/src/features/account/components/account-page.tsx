'use client';
import { useMutation } from '@tanstack/react-query';
import { ChangePasswordRequest } from '@vozlia/contract';
import { useState } from 'react';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { PageHeader } from '@/components/ui/page-header';
import { useApi } from '@/lib/api/api-context';
import { useApiForm } from '@/lib/use-api-form';
import { changePassword } from '@/features/session/queries';
import { useTenant } from '@/features/tenant/use-tenant';

/** The API's request plus a second typing of the new password, checked here only. */
const ChangePasswordForm = ChangePasswordRequest.extend({ confirm_password: z.string() }).refine((v) => v.new_password === v.confirm_password, {
  path: ['confirm_password'],
  message: 'The two new passwords differ',
});

export function AccountPage() {
  const api = useApi();
  const tenant = useTenant();
  const [done, setDone] = useState(false);
  const { form, formError, showServerError } = useApiForm(ChangePasswordForm, { current_password: '', new_password: '', confirm_password: '' });
  const mutation = useMutation({
    mutationFn: (body: ChangePasswordRequest) => changePassword(api, body),
    onMutate: () => setDone(false),
    onSuccess: () => {
      setDone(true);
      form.reset();
    },
    onError: showServerError,
  });
  const { errors } = form.formState;
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${tenant.email} (${tenant.role}).`} />
      <section className="card" aria-labelledby="pw-heading" style={{ maxWidth: '32rem' }}>
        <h2 id="pw-heading">Change password</h2>
        <form className="stack" noValidate onSubmit={form.handleSubmit((body) => mutation.mutate(body))}>
          <FormError message={formError} />
          {done && (
            <p role="status" className="badge badge-success">
              Password changed. Other devices were signed out.
            </p>
          )}
          <Field label="Current password" error={errors.current_password?.message}>
            {(p) => <input {...p} {...form.register('current_password')} type="password" autoComplete="current-password" />}
          </Field>
          <Field label="New password" hint="At least 8 characters." error={errors.new_password?.message}>
            {(p) => <input {...p} {...form.register('new_password')} type="password" autoComplete="new-password" />}
          </Field>
          <Field label="Repeat the new password" error={errors.confirm_password?.message}>
            {(p) => <input {...p} {...form.register('confirm_password')} type="password" autoComplete="new-password" />}
          </Field>
          <Button type="submit" variant="primary" busy={mutation.isPending}>
            Change password
          </Button>
        </form>
      </section>
    </>
  );
}
