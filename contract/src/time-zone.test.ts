import { describe, expect, it } from 'vitest';
import { isTimeZone } from './time-zone.js';

describe('isTimeZone', () => {
  it('knows canonical zones, UTC and the aliases Intl accepts', () => {
    for (const z of ['America/New_York', 'Europe/Berlin', 'UTC', 'US/Eastern', 'Etc/GMT+5']) expect(isTimeZone(z), z).toBe(true);
  });

  it('refuses what Intl refuses', () => {
    for (const z of ['Mars/Olympus_Mons', '', 'america/new york', 'New_York']) expect(isTimeZone(z), z).toBe(false);
  });

  it('answers as Intl.DateTimeFormat does for every zone the runtime lists', () => {
    for (const z of Intl.supportedValuesOf('timeZone')) expect(isTimeZone(z)).toBe(true);
  });
});
