/**
 * Whether the runtime knows an IANA time zone. Tenant settings are parsed several times per
 * call (screening, admission, policy), and building an `Intl.DateTimeFormat` to find out costs
 * ~1 ms each time: the runtime's canonical zones (and `UTC`) are looked up in a set made once;
 * anything else (aliases such as `US/Eastern`) still asks `Intl`, so the answer never changes.
 */
const CANONICAL: ReadonlySet<string> = new Set(typeof Intl.supportedValuesOf === 'function' ? [...Intl.supportedValuesOf('timeZone'), 'UTC'] : []);

export function isTimeZone(zone: string): boolean {
  if (CANONICAL.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
