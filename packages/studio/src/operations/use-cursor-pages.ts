import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types.js';

export interface CursorPages<T> {
  items: T[];
  setItems(update: (items: T[]) => T[]): void;
  loading: boolean;
  error: unknown;
  /** True while another page can be loaded. */
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

/**
 * A cursor-paged list ("Load more"): the first page loads when `deps` change, later pages append.
 * Answers for old deps are dropped, so quick filter changes never mix two searches.
 *
 * @example
 * const audit = useCursorPages((cursor) => api('GET', `/api/audit${query({ ...filters, cursor })}`), [search]);
 */
export function useCursorPages<T>(
  load: (cursor: string | undefined) => Promise<Page<T>>,
  deps: DependencyList,
): CursorPages<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [round, setRound] = useState(0);
  const generation = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on.
  const fetchPage = useCallback(load, deps);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is how reload() asks for a new load.
  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    setError(undefined);
    fetchPage(undefined).then(
      (page) => {
        if (mine !== generation.current) return;
        setItemsState(page.items);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setItemsState([]);
        setCursor(null);
        setError(failure);
        setLoading(false);
      },
    );
  }, [fetchPage, round]);

  const loadMore = () => {
    if (!cursor || loading) return;
    const mine = generation.current;
    setLoading(true);
    fetchPage(cursor).then(
      (page) => {
        if (mine !== generation.current) return;
        setItemsState((previous) => {
          // A row may have moved onto an earlier page while live updates added rows on top.
          const seen = new Set(previous.map((item) => JSON.stringify(keyOf(item))));
          return previous.concat(page.items.filter((item) => !seen.has(JSON.stringify(keyOf(item)))));
        });
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(failure);
        setLoading(false);
      },
    );
  };

  return {
    items,
    setItems: (update) => setItemsState(update),
    loading,
    error,
    hasMore: cursor !== null,
    loadMore,
    reload: () => setRound((n) => n + 1),
  };
}

function keyOf(item: unknown): unknown {
  return item && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : item;
}
