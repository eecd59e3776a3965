import type { FactsOf } from '../facts.js';
import { formatWhen, type TenantStyle } from '../format.js';
import { emailFooter, fitOneSegment } from './fit.js';
import type { RenderContext, RenderedNotification } from './types.js';

type Owned = Omit<RenderedNotification, 'webhook'>;

/** Why a missed caller is worth calling back, in the business's own terms. */
const CALL_BACK: Record<TenantStyle['vertical'], string> = {
  restaurant: 'They may have wanted to order. Call back?',
  barbershop: 'They may have wanted to book. Call back?',
  generic: 'Call back?',
};

const caller = (from: string | null) => from ?? 'a withheld number';

export function renderMissedCall(c: FactsOf<'missed_call'>, { style, now }: RenderContext): Owned {
  const when = formatWhen(c.at, now, style);
  const ownerSms = fitOneSegment([
    `${style.name}: missed call from ${caller(c.from)} at ${when}. ${CALL_BACK[style.vertical]}`,
    `Missed call from ${caller(c.from)} at ${when}. ${CALL_BACK[style.vertical]}`,
    `Missed call from ${caller(c.from)} at ${when}.`,
  ]);
  const text = [`Missed call from ${caller(c.from)} at ${when}.`, CALL_BACK[style.vertical], emailFooter(style.name)].join('\n');
  return { ownerSms, customerSms: null, ownerEmail: { subject: `Missed call from ${caller(c.from)}, ${when}`, text } };
}

export function renderTransferUnanswered(t: FactsOf<'transfer_unanswered'>, { style, now }: RenderContext): Owned {
  const when = formatWhen(t.at, now, style);
  const who = caller(t.from);
  const about = t.reason ? ` about ${t.reason}` : '';
  const said = t.message ? ` They said: "${t.message}"` : '';
  const left = t.recordingUrl ? ` Message: ${t.recordingUrl}` : t.message ? '' : ' They left no message.';
  const ownerSms = fitOneSegment([
    `Nobody answered a transfer from ${who}${about} at ${when}.${said}${left}`,
    // The reason before the time: it is what the owner calls back about.
    `Missed transfer from ${who}${about}.${left}`,
    `Nobody answered a transfer from ${who} at ${when}.${said}${left}`,
    `Missed transfer from ${who} at ${when}.${left}`,
    ...(t.recordingUrl ? [] : [`Missed transfer from ${who} at ${when}. They left a message: see your email.`]),
  ]);
  const text = [
    `${who} asked for a person${about} at ${when} and nobody answered (${t.dialStatus.replace('-', ' ')}).`,
    ...messageLines(t.message, t.recordingUrl, t.recordingSeconds),
    emailFooter(style.name),
  ].join('\n');
  return { ownerSms, customerSms: null, ownerEmail: { subject: `Unanswered transfer from ${who}, ${when}`, text } };
}

export function renderMessageRecorded(m: FactsOf<'message_recorded'>, { style, now }: RenderContext): Owned {
  const when = formatWhen(m.at, now, style);
  const who = caller(m.from);
  const about = m.reason ? ` about ${m.reason}` : '';
  const ownerSms = fitOneSegment([
    `${style.name}: ${who} left a message${about} at ${when}: ${m.recordingUrl}`,
    `${who} left a message at ${when}: ${m.recordingUrl}`,
  ]);
  const why = m.cause === 'after_hours' ? ' while you were closed' : '';
  const text = [`${who} left a message${about}${why} at ${when}.`, ...messageLines(m.transcript, m.recordingUrl, m.recordingSeconds), emailFooter(style.name)].join('\n');
  return { ownerSms, customerSms: null, ownerEmail: { subject: `Message from ${who}, ${when}`, text } };
}

/** The email's lines about what the caller left: the words, then the recording and its length. */
function messageLines(words: string | null, url: string | null, seconds: number | null): string[] {
  const lines = words ? [`They said: "${words}"`] : [];
  if (url) lines.push(`Listen${seconds !== null ? ` (${seconds} s)` : ''}: ${url}`);
  else if (!words) lines.push('They left no message.');
  return lines;
}

export function renderCallSummary(s: FactsOf<'call_summary_ready'>, { style }: RenderContext): Owned {
  const ownerSms = fitOneSegment([`Call from ${caller(s.from)}: ${s.summary}`, `Call from ${caller(s.from)}: ${s.summary.slice(0, 100)}...`]);
  const text = [`Summary of the call from ${caller(s.from)}:`, '', s.summary, emailFooter(style.name)].join('\n');
  return { ownerSms, customerSms: null, ownerEmail: { subject: `Call summary: ${caller(s.from)}`, text } };
}
