/**
 * The activities API as the web sees it: the types are the ones the server's
 * schemas infer (src/features/activities/schemas.ts, imported type-only).
 */
import type {
  AttendeeList,
  ChallengeList,
  ChallengeView,
  CheckedIn,
  CheckinSaved,
  CheckinView,
  EventList,
  EventView,
  MyCode,
  RsvpSaved,
} from '../../../../src/features/activities/schemas.js';

export type { AttendeeList, ChallengeList, ChallengeView, CheckedIn, CheckinSaved, CheckinView, EventList, EventView, MyCode, RsvpSaved };

export const activitiesPath = (slug: string) => `/api/communities/${encodeURIComponent(slug)}`;
export const challengePath = (slug: string, id: string) => `${activitiesPath(slug)}/challenges/${encodeURIComponent(id)}`;

/** A local date (YYYY-MM-DD) as the reader's short month and day; no time zone shift, it is already local. */
export function shortDay(date: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export const eventPath = (slug: string, id: string) => `${activitiesPath(slug)}/events/${encodeURIComponent(id)}`;

/** An event time in the reader's language and their own zone (the browser's). */
export function when(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
