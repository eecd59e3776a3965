import type { FactsOf } from '../facts.js';
import { emailFooter, fitOneSegment } from './fit.js';
import type { RenderContext, RenderedNotification } from './types.js';

/** A saved report's result: its name, then the answer (an SMS may take a few segments). */
export function renderSkillResult(s: FactsOf<'skill_result'>, { style }: RenderContext): Omit<RenderedNotification, 'webhook'> {
  const ownerSms = fitOneSegment([`${s.subject}: ${s.body}`]);
  return { ownerSms, customerSms: null, ownerEmail: { subject: s.subject, text: `${s.body}\n${emailFooter(style.name)}` } };
}
