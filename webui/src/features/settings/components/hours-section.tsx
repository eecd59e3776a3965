'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TenantSettings } from '@vozlia/contract';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormOutcome } from '@/components/ui/form-outcome';
import { useApi } from '@/lib/api/api-context';
import { zoneLabel } from '@/lib/format/time-zones';
import { useApiForm } from '@/lib/use-api-form';
import { HoursForm, hoursFormFrom, settingsWithHours, type HoursFormValue } from '../hours-form';
import { saveTenantSettings, tenantSettingsKey } from '../queries';
import { HoursFields } from './hours-fields';

/** When the business is open (the assistant says so, and transfers follow it) and the days it is closed. */
export function HoursSection({ tenantId, settings, etag }: { tenantId: string; settings: TenantSettings; etag: string | null }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { form, formError, showServerError } = useApiForm(HoursForm, hoursFormFrom(settings));
  const mutation = useMutation({
    mutationFn: (v: HoursFormValue) => saveTenantSettings(api, tenantId, settingsWithHours(settings, v), etag),
    onSuccess: (saved) => queryClient.setQueryData(tenantSettingsKey(tenantId), saved),
    onError: showServerError,
  });
  const alwaysOpen = form.watch('always_open');
  return (
    <section className="card stack" aria-labelledby="hours-heading">
      <div>
        <h2 id="hours-heading">Opening hours</h2>
        <p className="muted">In {zoneLabel(settings.time_zone)}. A day may have more than one row (lunch and dinner).</p>
      </div>
      <form className="stack" noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
        <FormOutcome error={formError} saved={mutation.isSuccess} />
        <Checkbox label="Always open (no hours set)" {...form.register('always_open')} />
        {!alwaysOpen && <HoursFields form={form} noun="Hours" namedDates />}
        <div>
          <Button type="submit" variant="primary" busy={mutation.isPending}>
            Save opening hours
          </Button>
        </div>
      </form>
    </section>
  );
}
