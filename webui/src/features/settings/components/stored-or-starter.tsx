import type { ReactNode } from 'react';

/**
 * The editor of a stored document, or of a starter with a "none yet" line when nothing is stored.
 * One editor in one place either way, so saving the first one keeps its form (and its "Saved.").
 */
export function StoredOrStarter<T>({ stored, starter, noneYet, children }: { stored: T | null; starter: () => T; noneYet: string; children: (doc: T) => ReactNode }) {
  return (
    <>
      {stored === null && <p role="status">{noneYet}</p>}
      {children(stored ?? starter())}
    </>
  );
}
