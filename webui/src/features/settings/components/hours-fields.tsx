'use client';
import { Weekday } from '@vozlia/contract';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { NEW_DAY_RANGE, NEW_WEEKLY_ROW, type HoursFormInput, type HoursFormValue } from '../hours-form';

type HoursFormApi = UseFormReturn<HoursFormInput, unknown, HoursFormValue>;

/** Checkbox labels for weekdays, here and in the staff's days off. */
export const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/**
 * The rows every hours form shares: weekly hours (a day may have more than one row: lunch and
 * dinner) and dates that differ (closed all day, or other hours). `noun` names the rows ("Hours",
 * "Kitchen hours"); `namedDates` offers a name per date where the API stores one.
 */
export function HoursFields({ form, noun, namedDates }: { form: HoursFormApi; noun: string; namedDates: boolean }) {
  const weekly = useFieldArray({ control: form.control, name: 'weekly' });
  const dates = useFieldArray({ control: form.control, name: 'holidays' });
  const errors = form.formState.errors;
  const lower = noun.toLowerCase();
  const weeklyError = errors.weekly?.root?.message ?? errors.weekly?.message;
  return (
    <>
      {weekly.fields.map((row, i) => (
        <fieldset key={row.id} className="fieldset stack">
          <legend>
            {noun} {i + 1}
          </legend>
          <div className="row" role="group" aria-label={`Days of ${lower} ${i + 1}`}>
            {Weekday.options.map((d) => (
              <Checkbox key={d} label={DAY_NAMES[d]} value={d} {...form.register(`weekly.${i}.days`)} />
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
            <Button size="sm" variant="danger" onClick={() => weekly.remove(i)} aria-label={`Remove ${lower} ${i + 1}`}>
              Remove
            </Button>
          </div>
        </fieldset>
      ))}
      {weeklyError && <p className="field-error">{weeklyError}</p>}
      <div>
        <Button size="sm" onClick={() => weekly.append({ ...NEW_WEEKLY_ROW, days: [...NEW_WEEKLY_ROW.days] })}>
          Add {lower}
        </Button>
      </div>
      <h3>Closed or different on</h3>
      {dates.fields.map((row, i) => (
        <fieldset key={row.id} className="fieldset stack">
          <legend>Date {i + 1}</legend>
          <div className="row">
            <Field label="Date" error={errors.holidays?.[i]?.date?.message}>
              {(p) => <input {...p} {...form.register(`holidays.${i}.date`)} type="date" />}
            </Field>
            {namedDates && (
              <Field label="What it is (optional)" error={errors.holidays?.[i]?.name?.message}>
                {(p) => <input {...p} {...form.register(`holidays.${i}.name`)} maxLength={100} />}
              </Field>
            )}
            <Button size="sm" variant="danger" onClick={() => dates.remove(i)} aria-label={`Remove date ${i + 1}`}>
              Remove
            </Button>
          </div>
          <DateRanges form={form} index={i} />
        </fieldset>
      ))}
      <div>
        <Button size="sm" onClick={() => dates.append({ date: '', name: '', ranges: [] })}>
          Add a date
        </Button>
      </div>
    </>
  );
}

/** " (2)" for a date's second range: the first needs no number. */
const nth = (j: number) => (j === 0 ? '' : ` (${j + 1})`);

/** A date's own hours: none is closed all day. */
function DateRanges({ form, index }: { form: HoursFormApi; index: number }) {
  const ranges = useFieldArray({ control: form.control, name: `holidays.${index}.ranges` });
  const errors = form.formState.errors.holidays?.[index]?.ranges;
  const addLabel = ranges.fields.length === 0 ? 'Open that day' : 'Add hours that day';
  return (
    <>
      {ranges.fields.length === 0 && <p className="muted">Closed all day.</p>}
      {ranges.fields.map((row, j) => (
        <div key={row.id} className="row">
          <Field label={`Opens that day${nth(j)}`} error={errors?.[j]?.open?.message}>
            {(p) => <input {...p} {...form.register(`holidays.${index}.ranges.${j}.open`)} type="time" />}
          </Field>
          <Field label={`Closes that day${nth(j)}`} error={errors?.[j]?.close?.message}>
            {(p) => <input {...p} {...form.register(`holidays.${index}.ranges.${j}.close`)} type="time" />}
          </Field>
          <Button size="sm" variant="danger" onClick={() => ranges.remove(j)} aria-label={`Remove hours ${j + 1} of date ${index + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      {ranges.fields.length < 4 && (
        <div>
          <Button size="sm" onClick={() => ranges.append({ ...NEW_DAY_RANGE })} aria-label={`${addLabel} (date ${index + 1})`}>
            {addLabel}
          </Button>
        </div>
      )}
    </>
  );
}
