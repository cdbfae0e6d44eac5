/** Types of the content API (inferred from its Zod schemas, type-only) and the queries its pages share. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import { path } from '../communities/api.js';
import type { ContentApi } from '../../../../src/features/content/schemas.js';
import type { FeedSort, Reaction, Visibility } from '../../../../src/features/content/rules.js';

export type PostSummary = ContentApi['PostSummary'];
export type Feed = ContentApi['Feed'];
export type PostPage = ContentApi['PostPage'];
export type Replies = ContentApi['Replies'];
export type ReplyItem = ContentApi['Replies']['replies'][number];
export type SearchResults = ContentApi['SearchResults'];
export type Teasers = ContentApi['Teasers'];
export type PostInput = ContentApi['PostInput'];
export type { FeedSort, Reaction, Visibility };
export { REACTIONS, VISIBILITIES } from '../../../../src/features/content/rules.js';

import type { FeedFilter } from './feedFilter.js';
export type { FeedFilter };

function feedQuery(f: FeedFilter, cursor: string | null): string {
  const q = new URLSearchParams({ sort: f.sort, limit: '20' });
  if (f.view === 'essence') q.set('essence', '1');
  if (f.view === 'questions') q.set('kind', 'question');
  if (f.view === 'bookmarked') q.set('bookmarked', '1');
  if (f.view === 'overdue') q.set('overdue', '1');
  if (f.tag) q.set('tag', f.tag);
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

export function useFeed(slug: string, f: FeedFilter) {
  return useInfiniteQuery({
    queryKey: ['content', slug, 'feed', f],
    queryFn: ({ pageParam }) => api<Feed>('GET', `${path(slug)}/posts?${feedQuery(f, pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePost(slug: string, id: string) {
  return useQuery({ queryKey: ['content', slug, 'post', id], queryFn: () => api<PostPage>('GET', `${path(slug)}/posts/${id}`) });
}

export function useReplies(slug: string, id: string) {
  return useQuery({ queryKey: ['content', slug, 'replies', id], queryFn: () => api<Replies>('GET', `${path(slug)}/posts/${id}/replies`) });
}

export function useSearch(slug: string, q: string) {
  return useQuery({
    queryKey: ['content', slug, 'search', q],
    queryFn: () => api<SearchResults>('GET', `${path(slug)}/search?q=${encodeURIComponent(q)}`),
    enabled: q.trim().length > 0,
  });
}

export function useTeasers(slug: string) {
  return useQuery({ queryKey: ['content', slug, 'teasers'], queryFn: () => api<Teasers>('GET', `${path(slug)}/teasers`) });
}

/** A write on a post, then fresh post, replies and feed. */
export function usePostWrite<I>(slug: string, id: string, send: (input: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => qc.invalidateQueries({ queryKey: ['content', slug] }) });
}

export const postPath = (slug: string, id: string) => `${path(slug)}/posts/${id}`;
