import { describe, expect, it } from 'vitest';
import { clientGreeting, clientInstructions } from './protocol.js';

const restaurant = { displayName: 'Luigi’s Trattoria', vertical: 'restaurant' as const, timeZone: 'America/New_York' };
const barbershop = { displayName: 'Sharp Cuts', vertical: 'barbershop' as const, timeZone: 'America/New_York' };

describe('client protocol', () => {
  it('restaurants read the order back with the total before placing', () => {
    const text = clientInstructions(restaurant);
    expect(text).toContain('Luigi’s Trattoria');
    expect(text).toContain('quote_only=true');
    expect(text).toMatch(/read the order back with the total/);
    expect(text).not.toContain('request_appointment');
  });
  it('barbershops collect service, time and name and confirm', () => {
    const text = clientInstructions(barbershop);
    expect(text).toContain('request_appointment');
    expect(text).toMatch(/service, the day and time.*name/);
  });
  it('both answer only from the knowledge base, never invent, and refuse owner-only requests', () => {
    for (const t of [restaurant, barbershop]) {
      const text = clientInstructions(t);
      expect(text).toContain('only from search_knowledge_base');
      expect(text).toContain('Never invent prices, hours');
      expect(text).toContain('only available to the owner');
    }
    expect(clientGreeting(barbershop)).toBe('Thanks for calling Sharp Cuts! Would you like to book an appointment, or do you have a question?');
  });
});
