import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, ErrorState, Loading } from './state-views';

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  loadingLabel?: string;
  /** When the data has nothing to show: its empty state. */
  isEmpty?: (data: T) => boolean;
  empty?: { title: string; body?: ReactNode };
  children: (data: T) => ReactNode;
}

/** Loading, error and empty states for one query, the same way on every page. */
export function QueryView<T>({ query, loadingLabel, isEmpty, empty, children }: QueryViewProps<T>) {
  if (query.isPending) return <Loading {...(loadingLabel ? { label: loadingLabel } : {})} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty?.(query.data) && empty) return <Empty title={empty.title}>{empty.body}</Empty>;
  return <>{children(query.data)}</>;
}
