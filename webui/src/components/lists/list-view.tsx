'use client';
import type { UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Empty, ErrorState, Loading } from '@/components/ui/state-views';

interface ListViewProps<T> {
  query: UseInfiniteQueryResult<InfiniteData<{ items: T[]; next_cursor: string | null }>>;
  noun: string;
  empty: { title: string; body?: ReactNode };
  children: (items: T[]) => ReactNode;
}

/** A paged list with its loading, error and empty states and a "Show more" at the end. */
export function ListView<T>({ query, noun, empty, children }: ListViewProps<T>) {
  if (query.isPending) return <Loading label={`Loading ${noun}…`} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Empty title={empty.title}>{empty.body}</Empty>;
  return (
    <>
      {children(items)}
      <div className="row" style={{ justifyContent: 'center', marginTop: '1rem' }}>
        {query.hasNextPage ? (
          <Button onClick={() => void query.fetchNextPage()} busy={query.isFetchingNextPage}>
            Show more {noun}
          </Button>
        ) : (
          <p className="muted small" aria-live="polite">
            {items.length === 1 ? `1 ${noun.replace(/s$/, '')}` : `All ${items.length} ${noun}`} shown.
          </p>
        )}
      </div>
    </>
  );
}
