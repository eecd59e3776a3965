import Link from 'next/link';
import type { Dashboard } from '@vozlia/contract';
import { TrendChart } from '@/components/charts/trend-chart';
import { formatDayShort } from '@/lib/format/dates';
import { figureSeries, type FigureView } from '../figures';

export function FigureCard({ dashboard, figure }: { dashboard: Dashboard; figure: FigureView }) {
  const { points, today, total } = figureSeries(dashboard, figure.key);
  const first = points[0]?.date;
  const span = first ? `${formatDayShort(first)} to ${formatDayShort(dashboard.today)}` : '';
  const headingId = `figure-${figure.key}`;
  return (
    <section className="card figure-card" aria-labelledby={headingId} data-figure={figure.key}>
      <h2 id={headingId}>{figure.title} today</h2>
      <p className="figure-value" data-testid={`today-${figure.key}`}>
        {figure.format(today)}
      </p>
      <p className="figure-sub">
        {figure.format(total)} in the last {points.length} days
      </p>
      <TrendChart points={points} format={figure.axisFormat} summary={`${figure.title} per day, ${span}: ${figure.format(total)} in all, ${figure.format(today)} today.`} />
      <Link href={figure.href} className="small">
        {figure.link}
      </Link>
    </section>
  );
}
