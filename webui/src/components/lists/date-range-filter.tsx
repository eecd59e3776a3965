import { Field } from '@/components/ui/field';

interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** Two calendar days, in the business's time zone; `to` is included. */
export function DateRangeFilter({ value, onChange }: { value: DateRange; onChange(next: DateRange): void }) {
  return (
    <>
      <Field label="From">{(p) => <input {...p} type="date" value={value.from ?? ''} max={value.to} onChange={(e) => onChange({ ...value, from: e.target.value || undefined })} />}</Field>
      <Field label="To">{(p) => <input {...p} type="date" value={value.to ?? ''} min={value.from} onChange={(e) => onChange({ ...value, to: e.target.value || undefined })} />}</Field>
    </>
  );
}
