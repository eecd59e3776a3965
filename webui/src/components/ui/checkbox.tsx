import type { InputHTMLAttributes } from 'react';

/** A labelled checkbox: the label is the click target, so it is easy to hit on a phone. */
export function Checkbox({ label, ...input }: { label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <label className="check">
      <input type="checkbox" {...input} />
      {label}
    </label>
  );
}
