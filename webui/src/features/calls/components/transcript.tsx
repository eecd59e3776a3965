import type { TranscriptEntry } from '@vozlia/contract';
import { formatTime } from '@/lib/format/dates';

export function Transcript({ entries, zone }: { entries: readonly TranscriptEntry[]; zone: string }) {
  if (entries.length === 0) return <p className="muted">No words were exchanged.</p>;
  return (
    <ol className="transcript">
      {entries.map((e, i) => (
        <li key={i} className={e.role}>
          <span className="who">
            {e.role === 'caller' ? 'Caller' : 'Assistant'} · {formatTime(e.at, zone)}
          </span>
          {e.text}
        </li>
      ))}
    </ol>
  );
}
