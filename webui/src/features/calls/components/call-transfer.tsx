import type { CallTransfer, RecordedMessage } from '@vozlia/contract';
import { formatDuration, formatTime } from '@/lib/format/dates';
import { TRANSFER_WORDS } from '../call-words';

/** The call's transfer in words (or that there was none). */
export function CallTransferView({ transfer, zone }: { transfer: CallTransfer | null; zone: string }) {
  if (!transfer) return <p className="muted" data-testid="call-transfer">No transfer</p>;
  return (
    <p data-testid="call-transfer">
      <strong>{TRANSFER_WORDS[transfer.outcome]}</strong>
      <span className="muted">
        {' '}
        · asked at {formatTime(transfer.at, zone)}
        {transfer.to_number && ` for ${transfer.to_number}`}
        {transfer.reason && ` about ${transfer.reason}`}
      </span>
    </p>
  );
}

/** The recording the caller left: a player and a plain link (or that there was none). */
export function RecordedMessageView({ message }: { message: RecordedMessage | null }) {
  if (!message) return <p className="muted" data-testid="call-message">No message</p>;
  return (
    <div data-testid="call-message">
      <audio controls preload="none" src={message.recording_url} aria-label="Recorded message" style={{ width: '100%' }} />
      <p className="small muted">
        {message.duration_seconds !== null && `${formatDuration(message.duration_seconds)} · `}
        <a href={message.recording_url}>Open the recording</a>
      </p>
    </div>
  );
}
