import { cx } from './cx';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A status word with a colour that never carries the meaning alone (the word does). */
export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: string }) {
  return <span className={cx('badge', `badge-${tone}`)}>{children}</span>;
}

/** `no_show` → "No show". */
export const humanize = (value: string) => {
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};
