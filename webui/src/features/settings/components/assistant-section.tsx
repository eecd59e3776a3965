'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TenantSettings } from '@vozlia/contract';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormOutcome } from '@/components/ui/form-outcome';
import { useApi } from '@/lib/api/api-context';
import { TIME_ZONES, zoneLabel } from '@/lib/format/time-zones';
import { tenantKey } from '@/lib/query/tenant-query';
import { useApiForm } from '@/lib/use-api-form';
import { AssistantForm, assistantFormFrom, settingsWithAssistant } from '../assistant-form';
import { saveTenantSettings, tenantSettingsKey } from '../queries';

const PROMPT_HINT = 'Leave empty for the standard one.';

/** The business's name and zone, what the assistant says to callers and to you, numbers and limits. */
export function AssistantSection({ tenantId, settings, etag }: { tenantId: string; settings: TenantSettings; etag: string | null }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { form, formError, showServerError } = useApiForm(AssistantForm, assistantFormFrom(settings));
  const mutation = useMutation({
    mutationFn: (v: Parameters<typeof settingsWithAssistant>[1]) => saveTenantSettings(api, tenantId, settingsWithAssistant(settings, v), etag),
    onSuccess: async (saved) => {
      queryClient.setQueryData(tenantSettingsKey(tenantId), saved);
      // The name and the zone show on every page.
      await queryClient.invalidateQueries({ queryKey: tenantKey(tenantId, 'profile') });
    },
    onError: showServerError,
  });
  const { errors } = form.formState;
  return (
    <section className="card stack" aria-labelledby="assistant-heading">
      <div>
        <h2 id="assistant-heading">Your business and its assistant</h2>
        <p className="muted">Changes reach the next call, on every line, without a restart.</p>
      </div>
      <form className="stack" noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
        <FormOutcome error={formError} saved={mutation.isSuccess} />
        <div className="two-col">
          <Field label="Business name" error={errors.display_name?.message}>
            {(p) => <input {...p} {...form.register('display_name')} />}
          </Field>
          <Field label="Time zone" hint="Every time on this site and on the phone is in it." error={errors.time_zone?.message}>
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
        </div>
        <div className="two-col">
          <fieldset className="stack fieldset">
            <legend>To your customers</legend>
            <Field label="Customer greeting" hint={PROMPT_HINT} error={errors.client_greeting?.message}>
              {(p) => <input {...p} {...form.register('client_greeting')} maxLength={500} />}
            </Field>
            <Field label="Customer instructions" hint={`How the assistant should behave with callers. ${PROMPT_HINT}`} error={errors.client_instructions?.message}>
              {(p) => <textarea {...p} {...form.register('client_instructions')} maxLength={8000} />}
            </Field>
          </fieldset>
          <fieldset className="stack fieldset">
            <legend>To you, with your owner code</legend>
            <Field label="Owner greeting" hint={PROMPT_HINT} error={errors.owner_greeting?.message}>
              {(p) => <input {...p} {...form.register('owner_greeting')} maxLength={500} />}
            </Field>
            <Field label="Owner instructions" hint={PROMPT_HINT} error={errors.owner_instructions?.message}>
              {(p) => <textarea {...p} {...form.register('owner_instructions')} maxLength={8000} />}
            </Field>
          </fieldset>
        </div>
        <div className="two-col">
          <Field label="Transfer numbers" hint="Who a caller is put through to, tried in this order: +15550109001, +15550109002. Up to 5." error={errors.transfer_numbers?.message}>
            {(p) => <input {...p} {...form.register('transfer_numbers')} inputMode="tel" />}
          </Field>
          <Field label="Most calls at once" hint="Empty for no limit. Callers over it hear that the line is busy." error={errors.max_concurrent_calls?.message}>
            {(p) => <input {...p} {...form.register('max_concurrent_calls')} inputMode="numeric" />}
          </Field>
        </div>
        <Field label="Blocked numbers" hint="One per line. Their calls are turned away." error={errors.blocked_numbers?.message}>
          {(p) => <textarea {...p} {...form.register('blocked_numbers')} inputMode="tel" style={{ minHeight: '4rem' }} />}
        </Field>
        <div>
          <Button type="submit" variant="primary" busy={mutation.isPending}>
            Save business and assistant
          </Button>
        </div>
      </form>
    </section>
  );
}
