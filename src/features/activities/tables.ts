/** Tables of activities (migration 0011_activities). */
import type { Period, RsvpStatus } from './rules.js';

export interface ChallengesTable {
  id: string;
  communityId: string;
  title: string;
  description: string;
  period: Period;
  weekdays: string | null; // JSON number[]
  startDate: string;
  endDate: string | null;
  valueLabel: string | null;
  makeupCards: number;
  makeupEvery: number;
  makeupReach: number;
  createdBy: string;
  createdAt: string;
}

export interface ChallengeMembersTable {
  challengeId: string;
  userId: string;
  communityId: string;
  joinedAt: string;
  makeupsUsed: number;
  remindedFor: string | null;
}

export interface CheckinsTable {
  id: string;
  challengeId: string;
  communityId: string;
  userId: string;
  periodKey: string;
  text: string;
  value: number | null;
  madeUp: number; // 0/1
  createdAt: string;
  updatedAt: string;
}

export type ResponseKind = 'reaction' | 'comment';

export interface CheckinResponsesTable {
  id: string;
  checkinId: string;
  communityId: string;
  userId: string;
  kind: ResponseKind;
  text: string;
  createdAt: string;
}

export interface EventsTable {
  id: string;
  communityId: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string | null;
  capacity: number;
  venue: string | null;
  mapLink: string | null;
  meetingLink: string | null;
  registerUntil: string | null;
  codeSecret: string;
  createdBy: string;
  createdAt: string;
}

export interface EventRsvpsTable {
  eventId: string;
  userId: string;
  communityId: string;
  status: RsvpStatus;
  seq: number;
  createdAt: string;
  updatedAt: string;
  attendedAt: string | null;
  checkedInBy: string | null;
}

export interface ActivityTables {
  events: EventsTable;
  eventRsvps: EventRsvpsTable;
  challenges: ChallengesTable;
  challengeMembers: ChallengeMembersTable;
  checkins: CheckinsTable;
  checkinResponses: CheckinResponsesTable;
}
