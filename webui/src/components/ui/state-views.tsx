import type { ReactNode } from 'react';
import { ApiError } from '@/lib/api/api-error';
import { Button } from './button';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children && <div className="state-body">{children}</div>}
    </div>
  );
}

/** What went wrong, in words an owner can act on. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (!(error instanceof ApiError)) return { title: 'Something went wrong', detail: error instanceof Error ? error.message : 'Try again in a moment.' };
  switch (error.kind) {
    case 'forbidden':
      return { title: 'Not available to you', detail: error.message };
    case 'not_found':
      return { title: 'Not found', detail: 'It may have been removed, or the link is wrong.' };
    case 'network':
      return { title: 'Offline?', detail: error.message };
    case 'rate_limited':
      return { title: 'Too many tries', detail: error.retryAfterSeconds ? `Try again in ${Math.ceil(error.retryAfterSeconds / 60)} min.` : 'Try again later.' };
    default:
      return { title: 'Could not load this', detail: error.message };
  }
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { title, detail } = describeError(error);
  const retryable = !(error instanceof ApiError) || !error.isClientError;
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title}</p>
      <p className="state-body">{detail}</p>
      {onRetry && retryable && (
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
