import { DateTime } from 'luxon';

/** How a tenant writes: its name, money and clock. Built once per notification. */
export interface TenantStyle {
  name: string;
  vertical: 'restaurant' | 'barbershop' | 'generic';
  zone: string;
  /** ISO 4217, e.g. `USD` (tenant setting `currency`, default USD). */
  currency: string;
  /** BCP 47, e.g. `en-US` (tenant setting `locale`, default en-US). */
  locale: string;
}

/** Integer minor units → "$38.12" (or "¥1,200": the currency decides how many decimals). */
export function formatMoney(minorUnits: number, style: Pick<TenantStyle, 'currency' | 'locale'>): string {
  const fmt = new Intl.NumberFormat(style.locale, { style: 'currency', currency: style.currency });
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(minorUnits / 10 ** digits);
}

/**
 * A time as a reader glances at it, in the tenant's zone, relative to when the message is
 * written: "7:30 PM" today, "tomorrow 9:00 AM", else "Wed Dec 2, 9:00 AM".
 */
export function formatWhen(iso: string, now: Date, style: Pick<TenantStyle, 'zone' | 'locale'>): string {
  const at = DateTime.fromISO(iso, { zone: style.zone }).setLocale(style.locale);
  if (!at.isValid) return iso;
  const time = at.toFormat('h:mm a');
  const today = DateTime.fromJSDate(now, { zone: style.zone }).startOf('day');
  const days = Math.round(at.startOf('day').diff(today, 'days').days);
  if (days === 0) return time;
  if (days === 1) return `tomorrow ${time}`;
  return `${at.toFormat('ccc LLL d')}, ${time}`;
}

/** The currency and locale a tenant's settings name, or the defaults when absent or unknown. */
export function moneyStyle(settings: Record<string, unknown>): Pick<TenantStyle, 'currency' | 'locale'> {
  const currency = typeof settings.currency === 'string' ? settings.currency.toUpperCase() : 'USD';
  const locale = typeof settings.locale === 'string' ? settings.locale : 'en-US';
  try {
    new Intl.NumberFormat(locale, { style: 'currency', currency });
    return { currency, locale };
  } catch {
    return { currency: 'USD', locale: 'en-US' };
  }
}
