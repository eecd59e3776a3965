import type { CallControlSettings } from './call-control-settings.js';

/** The session's wording when the business is closed (pure; decided once at admission). */
export function afterHoursWording(
  decision: { instructions: string; greeting: string },
  businessName: string,
  afterHours: CallControlSettings['afterHours'],
): { instructions: string; greeting: string } {
  const offer = afterHours === 'message_or_order' ? 'take a message for the team, or an order for when we open' : 'take a message for the team';
  return {
    instructions:
      `${decision.instructions}\n\nThe business is CLOSED right now (outside opening hours). Say so if asked for someone, ` +
      `and offer to ${offer}. A transfer now goes straight to the voicemail recorder.`,
    greeting: `Thank you for calling ${businessName}. We are closed right now, but I can ${offer}. How can I help?`,
  };
}
