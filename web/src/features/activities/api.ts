/**
 * The activities API as the web sees it: the types are the ones the server's
 * schemas infer (src/features/activities/schemas.ts, imported type-only).
 */
import type { ChallengeList, ChallengeView, CheckinSaved, CheckinView } from '../../../../src/features/activities/schemas.js';

export type { ChallengeList, ChallengeView, CheckinSaved, CheckinView };

export const activitiesPath = (slug: string) => `/api/communities/${encodeURIComponent(slug)}`;
export const challengePath = (slug: string, id: string) => `${activitiesPath(slug)}/challenges/${encodeURIComponent(id)}`;

/** A local date (YYYY-MM-DD) as the reader's short month and day; no time zone shift, it is already local. */
export function shortDay(date: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
