'use client';
import type { Cell } from '@vozlia/contract';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DateTime } from 'luxon';
import { formatCentsWhole } from '@/lib/format/money';
import { columnLabel, isMoneyColumn } from '../answer-shape';

const COLOURS = ['#0b5cad', '#067647', '#93370d', '#6941c6'];

/** Figures per time bucket as bars; the table beside it carries the same numbers for screen readers. */
export function ResultChart({ rows, timeColumn, valueColumns, zone }: { rows: Record<string, Cell>[]; timeColumn: string; valueColumns: string[]; zone: string }) {
  const tick = (v: unknown) => DateTime.fromISO(String(v)).setZone(zone).toFormat('LLL d');
  return (
    <div className="chart chart-lg" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={timeColumn} tickFormatter={tick} minTickGap={16} />
          {valueColumns.map((c, i) => (
            <YAxis key={c} yAxisId={c} orientation={i === 0 ? 'left' : 'right'} hide={i > 1} width={64} tickFormatter={(v: number) => (isMoneyColumn(c) ? formatCentsWhole(v) : String(v))} />
          ))}
          <Tooltip labelFormatter={tick} formatter={(v, name) => [isMoneyColumn(String(name)) ? formatCentsWhole(Number(v)) : String(v), columnLabel(String(name))]} />
          {valueColumns.length > 1 && <Legend formatter={(name) => columnLabel(String(name))} />}
          {valueColumns.map((c, i) => (
            <Bar key={c} dataKey={c} yAxisId={c} fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
