/** Every IANA zone the browser knows, for a time-zone picker. */
export const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['America/New_York'];

/** "America/New_York" → "America/New York". */
export const zoneLabel = (zone: string) => zone.replace(/_/g, ' ');
