'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTenant } from '@/features/tenant/use-tenant';
import { isCurrent, NAV_ITEMS, type NavItem } from './nav-items';
import { RequireSession } from './require-session';
import { SignOutButton } from './sign-out-button';

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <Shell>{children}</Shell>
    </RequireSession>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const tenant = useTenant();
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  // A tap on a link closes the phone menu.
  useEffect(() => setMenuOpen(false), [pathname]);

  const visible = (item: NavItem) => (item.ownerOnly && !tenant.can('owner') ? false : item.needs === 'anyone' ? true : tenant.can(item.needs));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href={tenant.can('owner') ? '/' : '/calls/'} className="brand">
          Vozlia
        </Link>
        <span className="topbar-business" title={tenant.email}>
          {tenant.profile?.name ?? tenant.tenantId}
          {tenant.role === 'staff' && <span className="topbar-role"> · staff</span>}
        </span>
        <div className="topbar-actions">
          <Link href="/account/" className="btn btn-ghost btn-sm">
            Account
          </Link>
          <SignOutButton />
          <button type="button" className="btn btn-ghost btn-sm menu-toggle" aria-expanded={menuOpen} aria-controls={navId} onClick={() => setMenuOpen((o) => !o)}>
            Menu
          </button>
        </div>
      </header>
      <div className="shell-body">
        <nav id={navId} aria-label="Main" className={menuOpen ? 'sidenav open' : 'sidenav'}>
          <ul>
            {NAV_ITEMS.filter(visible).map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={isCurrent(item.href, pathname) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
