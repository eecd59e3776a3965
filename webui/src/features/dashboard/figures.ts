import type { Dashboard, DashboardFigure } from '@vozlia/contract';
import { formatCents, formatCentsWhole, formatCount } from '@/lib/format/money';

export interface FigureView {
  key: DashboardFigure;
  title: string;
  /** "per day" wording for the chart summary. */
  unit: string;
  format: (n: number) => string;
  axisFormat: (n: number) => string;
  href: string | null;
}

/** The five figures of the Today page, in reading order. */
export const FIGURES: readonly FigureView[] = [
  { key: 'calls', title: 'Calls', unit: 'calls', format: formatCount, axisFormat: formatCount, href: '/calls/' },
  { key: 'orders', title: 'Orders', unit: 'orders', format: formatCount, axisFormat: formatCount, href: '/orders/' },
  { key: 'revenue_cents', title: 'Revenue', unit: 'revenue', format: formatCents, axisFormat: formatCentsWhole, href: '/orders/' },
  { key: 'appointments', title: 'Appointments', unit: 'appointments', format: formatCount, axisFormat: formatCount, href: '/appointments/' },
  { key: 'missed_calls', title: 'Missed calls', unit: 'missed calls', format: formatCount, axisFormat: formatCount, href: '/calls/?outcome=missed' },
];

/** Today's value, the window's total and the series of one figure. */
export function figureSeries(dashboard: Dashboard, key: DashboardFigure) {
  const points = dashboard.days.map((d) => ({ date: d.date, value: d[key] }));
  const today = dashboard.days.find((d) => d.date === dashboard.today)?.[key] ?? 0;
  const total = points.reduce((sum, p) => sum + p.value, 0);
  return { points, today, total };
}
