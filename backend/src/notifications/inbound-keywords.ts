/** Contract §9 (and the carriers' standard): alone in the body, any case. */
const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const START = new Set(['START', 'UNSTOP']);

export type ConsentKeyword = { action: 'stop' | 'start'; keyword: string };

/** Pure: the opt-out or opt-in an inbound SMS asks for, or null for any other text. */
export function consentKeyword(body: string | undefined): ConsentKeyword | null {
  const word = (body ?? '').trim().replace(/[.!]+$/, '').toUpperCase();
  if (STOP.has(word)) return { action: 'stop', keyword: word };
  if (START.has(word)) return { action: 'start', keyword: word };
  return null;
}
