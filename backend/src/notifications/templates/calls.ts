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
  const said = t.message ? ` They said: "${t.message}"` : ' They left no message.';
  const ownerSms = fitOneSegment([
    `Nobody answered a transfer from ${caller(t.from)} at ${when}.${said}`,
    `Nobody answered a transfer from ${caller(t.from)} at ${when}. They left a message: see your email.`,
    `Missed transfer from ${caller(t.from)} at ${when}.`,
  ]);
  const text = [`${caller(t.from)} asked for a person at ${when} and nobody answered.`, said.trim(), emailFooter(style.name)].join('\n');
  return { ownerSms, customerSms: null, ownerEmail: { subject: `Unanswered transfer from ${caller(t.from)}, ${when}`, text } };
}

export function renderCallSummary(s: FactsOf<'call_summary_ready'>, { style }: RenderContext): Owned {
  const ownerSms = fitOneSegment([`Call from ${caller(s.from)}: ${s.summary}`, `Call from ${caller(s.from)}: ${s.summary.slice(0, 100)}...`]);
  const text = [`Summary of the call from ${caller(s.from)}:`, '', s.summary, emailFooter(style.name)].join('\n');
  return { ownerSms, customerSms: null, ownerEmail: { subject: `Call summary: ${caller(s.from)}`, text } };
}
