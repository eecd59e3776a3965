/** The portal's main pages, as the README's screenshots name them. */
export const OWNER_PAGES = [
  ['today', '/'],
  ['calls', '/calls/'],
  ['orders', '/orders/'],
  ['appointments', '/appointments/'],
  ['ask', '/ask/'],
  ['skills', '/skills/'],
  ['knowledge-base', '/knowledge-base/'],
  ['audit', '/audit/'],
  ['usage', '/usage/'],
  ['settings', '/settings/'],
  ['account', '/account/'],
] as const;

/** A laptop and a small phone. */
export const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
] as const;
