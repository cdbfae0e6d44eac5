/**
 * Keyset pages after a first page that came with something else (the member
 * home's feed, the notices drawer): nothing is fetched until asked; each answer
 * carries the next page's cursor, null on the last.
 */
import { useInfiniteQuery } from '@tanstack/react-query';

export function useOlderPages<T>(key: readonly unknown[], cursor: string | null, fetchPage: (cursor: string) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const q = useInfiniteQuery({
    queryKey: [...key, 'older', cursor],
    initialPageParam: cursor ?? '',
    enabled: false,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return {
    items: q.data?.pages.flatMap((p) => p.items) ?? [],
    /** Props for <LoadMore>. */
    more: { hasNextPage: q.data ? q.hasNextPage : cursor !== null, isFetchingNextPage: q.isFetching, fetchNextPage: () => (q.data ? q.fetchNextPage() : q.refetch()) },
  };
}
