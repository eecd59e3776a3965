/**
 * SMS length rules (3GPP TS 23.038): a text is GSM-7 when every character is in the basic set or
 * its extension table (extension characters take two septets); otherwise it is sent as UCS-2,
 * counted in UTF-16 code units. One segment holds 160 septets or 70 units; a longer text is split
 * into segments of 153 septets or 67 units (the rest carries the concatenation header).
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export const GSM7_SINGLE_SEPTETS = 160;
export const GSM7_MULTI_SEPTETS = 153;
export const UCS2_SINGLE_UNITS = 70;
export const UCS2_MULTI_UNITS = 67;

export interface SmsLength {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function smsLength(text: string): SmsLength {
  let septets = 0;
  for (const ch of text) {
    if (BASIC.has(ch)) septets += 1;
    else if (EXTENSION.has(ch)) septets += 2;
    else return ucs2(text);
  }
  return { encoding: 'GSM-7', units: septets, segments: count(septets, GSM7_SINGLE_SEPTETS, GSM7_MULTI_SEPTETS) };
}

function ucs2(text: string): SmsLength {
  return { encoding: 'UCS-2', units: text.length, segments: count(text.length, UCS2_SINGLE_UNITS, UCS2_MULTI_UNITS) };
}

function count(units: number, single: number, multi: number): number {
  if (units === 0) return 1;
  return units <= single ? 1 : Math.ceil(units / multi);
}

/** Look-alikes that would force a whole message into UCS-2 (70 characters a segment). */
const FOLD: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
  '\u2022': '-',
  '\u00B7': '-',
};

/** Replaces typographic punctuation with its GSM-7 equivalent; other characters stay. */
export function foldToGsm(text: string): string {
  let out = '';
  for (const ch of text) out += FOLD[ch] ?? ch;
  return out;
}
