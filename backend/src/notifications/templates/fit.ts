import { foldToGsm, smsLength } from '../sms-segments.js';

/** The first candidate (richest first) that fits one SMS segment, else the last one. GSM-folded. */
export function fitOneSegment(candidates: readonly string[]): string {
  const folded = candidates.map((c) => foldToGsm(c.replace(/\s+/g, ' ').trim()));
  return folded.find((c) => smsLength(c).segments === 1) ?? folded[folded.length - 1]!;
}

/**
 * "2x Margherita Pizza (large), 1x Tiramisu", then shorter forms of the same list: without
 * options, then the first items and "+N more". Richest first, for `fitOneSegment`.
 */
export function itemListVariants(lines: readonly { name: string; quantity: number; options: readonly string[] }[]): string[] {
  const item = (l: (typeof lines)[number], withOptions: boolean) =>
    `${l.quantity}x ${l.name}${withOptions && l.options.length ? ` (${l.options.join(', ')})` : ''}`;
  const variants = [lines.map((l) => item(l, true)).join(', '), lines.map((l) => item(l, false)).join(', ')];
  for (let k = lines.length - 1; k >= 1; k--) {
    variants.push(`${lines.slice(0, k).map((l) => item(l, false)).join(', ')} +${lines.length - k} more`);
  }
  const count = lines.reduce((s, l) => s + l.quantity, 0);
  variants.push(`${count} item${count === 1 ? '' : 's'}`);
  return [...new Set(variants)];
}

/** Every combination of optional parts, richest first: a × b, each list ordered richest first. */
export function combine<A, B>(as: readonly A[], bs: readonly B[]): [A, B][] {
  return as.flatMap((a) => bs.map((b): [A, B] => [a, b]));
}

/** Opt-out wording carriers expect on messages to consumers. */
export const STOP_HINT = 'Reply STOP to opt out.';

/** Signature line of every email. */
export const emailFooter = (tenantName: string) => `\n--\nSent by Vozlia for ${tenantName}.`;
