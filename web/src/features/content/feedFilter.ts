import type { FeedSort } from '../../../../src/features/content/rules.js';

/** What the feed's tabs and tag chip select: UI state, turned into the feed query in api.ts. */
export interface FeedFilter {
  sort: FeedSort;
  view: 'all' | 'essence' | 'questions' | 'bookmarked' | 'overdue';
  tag?: string;
}
