import type { FactsOf } from '../facts.js';
import { formatMoney, formatWhen, type TenantStyle } from '../format.js';
import { emailFooter, fitOneSegment, STOP_HINT } from './fit.js';
import type { RenderContext, RenderedNotification } from './types.js';

type Appointment = FactsOf<'appointment_requested'>;

/** What the business calls a request for a time slot. */
const NOUN: Record<TenantStyle['vertical'], string> = { barbershop: 'booking', restaurant: 'reservation', generic: 'appointment' };

export function renderAppointment(a: Appointment, { style, now }: RenderContext): Omit<RenderedNotification, 'webhook'> {
  const noun = NOUN[style.vertical];
  const when = formatWhen(a.startsAt, now, style);
  const withStaff = a.staff ? ` with ${a.staff}` : '';
  const price = a.priceCents !== null ? ` ${formatMoney(a.priceCents, style)}.` : '';
  const name = a.customerName ?? 'a caller';
  const phone = a.customerPhone ? ` (${a.customerPhone})` : '';

  const ownerSms = fitOneSegment([
    `New ${noun} request: ${a.service}${withStaff}, ${when}, for ${name}${phone}.${price}`,
    `New ${noun} request: ${a.service}${withStaff}, ${when}, for ${name}${phone}.`,
    `New ${noun} request: ${a.service}${withStaff}, ${when}, for ${name}.`,
    `New ${noun} request: ${a.service}, ${when}, for ${name}.`,
  ]);
  const customerSms = fitOneSegment([
    `${style.name}: ${a.customerName ? `${a.customerName}, your` : 'Your'} ${a.service}${withStaff} is requested for ${when}. We'll confirm by text. ${STOP_HINT}`,
    `${style.name}: your ${a.service} is requested for ${when}. We'll confirm by text. ${STOP_HINT}`,
    `${style.name}: your ${noun} is requested for ${when}. ${STOP_HINT}`,
  ]);
  const text = [
    `New ${noun} request from ${name}${phone}.`,
    '',
    `Service: ${a.service}${withStaff}`,
    `When: ${when}`,
    ...(a.priceCents !== null ? [`Price: ${formatMoney(a.priceCents, style)}`] : []),
    emailFooter(style.name),
  ].join('\n');
  return { ownerSms, customerSms, ownerEmail: { subject: `New ${noun} request: ${a.service}, ${when}, ${name}`, text } };
}
