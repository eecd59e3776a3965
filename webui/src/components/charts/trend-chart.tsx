'use client';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDayShort } from '@/lib/format/dates';

export interface TrendPoint {
  date: string;
  value: number;
}

interface TrendChartProps {
  points: readonly TrendPoint[];
  /** Read aloud instead of the drawing, e.g. "Orders per day, Nov 2 to Dec 1: 312 in all". */
  summary: string;
  format: (value: number) => string;
  large?: boolean;
}

/** A daily series. The drawing is hidden from screen readers; the summary says what it shows. */
export function TrendChart({ points, summary, format, large }: TrendChartProps) {
  return (
    <figure className={large ? 'chart chart-lg' : 'chart'} style={{ margin: 0 }}>
      <figcaption className="visually-hidden">{summary}</figcaption>
      <div aria-hidden="true" style={{ width: '100%', height: '100%' }}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={points as TrendPoint[]} margin={{ top: 4, right: 4, bottom: 0, left: 0 }} accessibilityLayer={false}>
            {large && <CartesianGrid strokeDasharray="3 3" vertical={false} />}
            <XAxis dataKey="date" tickFormatter={formatDayShort} hide={!large} minTickGap={24} />
            <YAxis hide={!large} tickFormatter={format} width={large ? 64 : 0} allowDecimals={false} />
            <Tooltip labelFormatter={(d) => formatDayShort(String(d))} formatter={(v) => [format(Number(v)), '']} separator="" />
            <Area type="monotone" dataKey="value" stroke="#0b5cad" strokeWidth={2} fill="#e7f0fb" isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
