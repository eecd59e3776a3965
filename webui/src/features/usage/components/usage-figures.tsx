import type { UsageStatement } from '@vozlia/contract';
import { formatDuration } from '@/lib/format/dates';
import { formatCount } from '@/lib/format/money';

const FIGURES: ReadonlyArray<{ key: keyof UsageStatement; label: string; format: (n: number) => string; hint: string }> = [
  { key: 'calls', label: 'Calls', format: formatCount, hint: 'Every call to your line' },
  { key: 'billable_minutes', label: 'Billable minutes', format: formatCount, hint: 'Each started minute of a call' },
  { key: 'call_seconds', label: 'Talk time', format: formatDuration, hint: 'Hours:minutes:seconds on the phone' },
  { key: 'ai_seconds', label: 'Assistant time', format: formatDuration, hint: 'Time the assistant was connected' },
  { key: 'sms_sent', label: 'Text messages', format: formatCount, hint: 'SMS sent to you and your customers' },
  { key: 'tool_runs', label: 'Actions taken', format: formatCount, hint: 'Orders, bookings, look-ups' },
];

export function UsageFigures({ usage }: { usage: UsageStatement }) {
  return (
    <dl className="grid-cards usage-figures">
      {FIGURES.map((f) => (
        <div key={f.key} className="card figure-card">
          <dt>
            <h3 className="muted">{f.label}</h3>
          </dt>
          <dd style={{ margin: 0 }}>
            <p className="figure-value">{f.format(Number(usage[f.key]))}</p>
            <p className="figure-sub">{f.hint}</p>
          </dd>
        </div>
      ))}
    </dl>
  );
}
