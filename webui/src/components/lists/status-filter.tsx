import { humanize } from '@/components/ui/badge';
import { Field } from '@/components/ui/field';

/** A select of statuses with "All" first; `undefined` means no filter. */
export function StatusFilter<S extends string>({ label = 'Status', options, value, onChange }: { label?: string; options: readonly S[]; value: S | undefined; onChange(next: S | undefined): void }) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as S | undefined)}>
          <option value="">All</option>
          {options.map((s) => (
            <option key={s} value={s}>
              {humanize(s)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
