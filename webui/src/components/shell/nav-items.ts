import type { PortalArea } from '@vozlia/contract';

export interface NavItem {
  href: string;
  label: string;
  /** Who sees it: every signed-in user, owners only, or a feature area. */
  needs: 'anyone' | 'owner' | PortalArea;
  /** Also owner-only when the area is a feature one. */
  ownerOnly?: boolean;
}

/** The portal's pages in the order an owner thinks of them. Staff see calls, orders and appointments. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Today', needs: 'owner' },
  { href: '/calls/', label: 'Calls', needs: 'anyone' },
  { href: '/orders/', label: 'Orders', needs: 'orders' },
  { href: '/appointments/', label: 'Appointments', needs: 'appointments' },
  { href: '/ask/', label: 'Ask your business', needs: 'analytics', ownerOnly: true },
  { href: '/skills/', label: 'Skills', needs: 'analytics', ownerOnly: true },
  { href: '/knowledge-base/', label: 'Knowledge base', needs: 'knowledge_base', ownerOnly: true },
  { href: '/audit/', label: 'Audit', needs: 'owner' },
  { href: '/usage/', label: 'Usage and invoices', needs: 'owner' },
  { href: '/settings/', label: 'Settings', needs: 'owner' },
];

/** `/calls/detail/` belongs to `/calls/`; `/` only to itself. */
export function isCurrent(href: string, pathname: string): boolean {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  return href === '/' ? path === '/' : path.startsWith(href);
}
