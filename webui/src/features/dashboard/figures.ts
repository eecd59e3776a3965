import type { Dashboard, DashboardFigure } from '@vozlia/contract';
import { formatCents, formatCentsWhole, formatCount } from '@/lib/format/money';

export interface FigureView {
  key: DashboardFigure;
  title: string;
  format: (n: number) => string;
  axisFormat: (n: number) => string;
  href: string;
  /** The link's words: "See orders". */
  link: string;
}

/** The five figures of the Today page, in reading order. */
export const FIGURES: readonly FigureView[] = [
  { key: 'calls', title: 'Calls', format: formatCount, axisFormat: formatCount, href: '/calls/', link: 'See calls' },
  { key: 'orders', title: 'Orders', format: formatCount, axisFormat: formatCount, href: '/orders/', link: 'See orders' },
  { key: 'revenue_cents', title: 'Revenue', format: formatCents, axisFormat: formatCentsWhole, href: '/orders/', link: 'See the orders behind it' },
  { key: 'appointments', title: 'Appointments', format: formatCount, axisFormat: formatCount, href: '/appointments/', link: 'See appointments' },
  { key: 'missed_calls', title: 'Missed calls', format: formatCount, axisFormat: formatCount, href: '/calls/?outcome=missed', link: 'See missed calls' },
];

/** Today's value, the window's total and the series of one figure. */
export function figureSeries(dashboard: Dashboard, key: DashboardFigure) {
  const points = dashboard.days.map((d) => ({ date: d.date, value: d[key] }));
  const today = dashboard.days.find((d) => d.date === dashboard.today)?.[key] ?? 0;
  const total = points.reduce((sum, p) => sum + p.value, 0);
  return { points, today, total };
}
