'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Weekday, type TenantSettings } from '@vozlia/contract';
import { useFieldArray } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { FormOutcome } from '@/components/ui/form-outcome';
import { useApi } from '@/lib/api/api-context';
import { zoneLabel } from '@/lib/format/time-zones';
import { useApiForm } from '@/lib/use-api-form';
import { HoursForm, hoursFormFrom, NEW_WEEKLY_ROW, settingsWithHours } from '../hours-form';
import { saveTenantSettings, tenantSettingsKey } from '../queries';

const DAY_NAMES: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** When the business is open (the assistant says so, and transfers follow it) and the days it is closed. */
export function HoursSection({ tenantId, settings }: { tenantId: string; settings: TenantSettings }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { form, formError, showServerError } = useApiForm(HoursForm, hoursFormFrom(settings));
  const weekly = useFieldArray({ control: form.control, name: 'weekly' });
  const holidays = useFieldArray({ control: form.control, name: 'holidays' });
  const mutation = useMutation({
    mutationFn: (v: Parameters<typeof settingsWithHours>[1]) => saveTenantSettings(api, tenantId, settingsWithHours(settings, v)),
    onSuccess: (saved) => queryClient.setQueryData(tenantSettingsKey(tenantId), saved),
    onError: showServerError,
  });
  const alwaysOpen = form.watch('always_open');
  const errors = form.formState.errors;
  return (
    <section className="card stack" aria-labelledby="hours-heading">
      <div>
        <h2 id="hours-heading">Opening hours</h2>
        <p className="muted">In {zoneLabel(settings.time_zone)}. A day may have more than one row (lunch and dinner).</p>
      </div>
      <form className="stack" noValidate onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
        <FormOutcome error={formError} saved={mutation.isSuccess} />
        <Checkbox label="Always open (no hours set)" {...form.register('always_open')} />
        {!alwaysOpen && (
          <>
            {weekly.fields.map((row, i) => (
              <fieldset key={row.id} className="fieldset stack">
                <legend>Hours {i + 1}</legend>
                <div className="row" role="group" aria-label={`Days of hours ${i + 1}`}>
                  {Weekday.options.map((d) => (
                    <Checkbox key={d} label={DAY_NAMES[d]!} value={d} {...form.register(`weekly.${i}.days`)} />
                  ))}
                </div>
                {errors.weekly?.[i]?.days && <p className="field-error">{errors.weekly[i].days.message}</p>}
                <div className="row">
                  <Field label="Opens" error={errors.weekly?.[i]?.open?.message}>
                    {(p) => <input {...p} {...form.register(`weekly.${i}.open`)} type="time" />}
                  </Field>
                  <Field label="Closes" error={errors.weekly?.[i]?.close?.message}>
                    {(p) => <input {...p} {...form.register(`weekly.${i}.close`)} type="time" />}
                  </Field>
                  <Button size="sm" variant="danger" onClick={() => weekly.remove(i)} aria-label={`Remove hours ${i + 1}`}>
                    Remove
                  </Button>
                </div>
              </fieldset>
            ))}
            <div>
              <Button size="sm" onClick={() => weekly.append({ ...NEW_WEEKLY_ROW, days: [...NEW_WEEKLY_ROW.days] })}>
                Add hours
              </Button>
            </div>
            <h3>Closed on</h3>
            {holidays.fields.map((row, i) => (
              <div key={row.id} className="row">
                <Field label={`Date ${i + 1}`} error={errors.holidays?.[i]?.date?.message}>
                  {(p) => <input {...p} {...form.register(`holidays.${i}.date`)} type="date" />}
                </Field>
                <Field label={`What it is ${i + 1} (optional)`} error={errors.holidays?.[i]?.name?.message}>
                  {(p) => <input {...p} {...form.register(`holidays.${i}.name`)} maxLength={100} />}
                </Field>
                <Button size="sm" variant="danger" onClick={() => holidays.remove(i)} aria-label={`Remove closed day ${i + 1}`}>
                  Remove
                </Button>
              </div>
            ))}
            <div>
              <Button size="sm" onClick={() => holidays.append({ date: '', name: '', ranges: [] })}>
                Add a closed day
              </Button>
            </div>
          </>
        )}
        <div>
          <Button type="submit" variant="primary" busy={mutation.isPending}>
            Save opening hours
          </Button>
        </div>
      </form>
    </section>
  );
}
