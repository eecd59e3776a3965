'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateTenantRequest, Vertical } from '@vozlia/contract';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { humanize } from '@/components/ui/badge';
import { useApi } from '@/lib/api/api-context';
import { TIME_ZONES, zoneLabel } from '@/lib/format/time-zones';
import { useApiForm } from '@/lib/use-api-form';
import { adminKey, createTenant } from '../queries';

/** Phone numbers are typed as one line, separated by commas or spaces. */
const CreateTenantForm = CreateTenantRequest.extend({
  phone_numbers: z
    .string()
    .transform((s) => s.split(/[\s,]+/).filter(Boolean))
    .pipe(CreateTenantRequest.shape.phone_numbers.unwrap()),
});

export function CreateTenantFormView({ onCreated }: { onCreated(id: string): void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { form, formError, showServerError } = useApiForm(CreateTenantForm, { id: '', name: '', vertical: 'restaurant', time_zone: 'America/New_York', phone_numbers: '' });
  const mutation = useMutation({
    mutationFn: (body: CreateTenantRequest) => createTenant(api, body),
    onSuccess: async (_, body) => {
      await queryClient.invalidateQueries({ queryKey: adminKey });
      onCreated(body.id);
    },
    onError: showServerError,
  });
  const { errors } = form.formState;
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit((body) => mutation.mutate(body))}>
      <FormError message={formError} />
      <Field label="Business name" error={errors.name?.message}>
        {(p) => <input {...p} {...form.register('name')} />}
      </Field>
      <Field label="Tenant id" hint="Permanent, lowercase: e.g. luigis_pizza." error={errors.id?.message}>
        {(p) => <input {...p} {...form.register('id')} autoCapitalize="off" spellCheck={false} />}
      </Field>
      <Field label="Kind of business" error={errors.vertical?.message}>
        {(p) => (
          <select {...p} {...form.register('vertical')}>
            {Vertical.options.map((v) => (
              <option key={v} value={v}>
                {humanize(v)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Time zone" error={errors.time_zone?.message}>
        {(p) => (
          <select {...p} {...form.register('time_zone')}>
            {TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {zoneLabel(z)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Phone numbers" hint="E.164, separated by commas: +15550100003, +15550100004. May be empty." error={errors.phone_numbers?.message}>
        {(p) => <input {...p} {...form.register('phone_numbers')} inputMode="tel" />}
      </Field>
      <Button type="submit" variant="primary" busy={mutation.isPending}>
        Create tenant
      </Button>
    </form>
  );
}
