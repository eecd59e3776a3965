import { Badge, humanize, type Tone } from './badge';

const TONES: Record<string, Tone> = {
  placed: 'info',
  requested: 'info',
  confirmed: 'info',
  ready: 'warning',
  in_progress: 'warning',
  pending: 'warning',
  completed: 'success',
  served: 'success',
  transferred: 'success',
  message_taken: 'success',
  answered: 'success',
  ok: 'success',
  paid: 'success',
  active: 'success',
  cancelled: 'neutral',
  no_show: 'danger',
  missed: 'danger',
  not_served: 'warning',
  rejected: 'neutral',
  no_answer: 'warning',
  busy: 'warning',
  failed: 'danger',
  error: 'danger',
  invalid: 'warning',
  refused: 'danger',
  suspended: 'danger',
};

/** Any status word of the API, with a consistent colour. */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? 'neutral'}>{humanize(status)}</Badge>;
}
