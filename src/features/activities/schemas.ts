/**
 * Zod schemas of the activities API: 打卡 challenges, check-ins and their
 * reactions and comments. The web imports the inferred types type-only.
 */
import { z } from 'zod';
import { idParam, person, slugParams, timestamp } from '../../kernel/http/schemas.js';
import { PERIODS, RSVP_ASKS, RSVP_STATUSES } from './rules.js';

export { slugParams };
export const itemParams = slugParams.extend({ id: idParam });
export const checkinParams = itemParams.extend({ checkinId: idParam });

const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const challengeBody = z
  .object({
    title: z.string().trim().min(1).max(80),
    period: z.enum(PERIODS),
    description: z.string().trim().max(4000).optional(),
    weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7).optional(),
    startDate: localDay.optional(),
    /** How many periods it lasts (21 days); omitted = ongoing. */
    length: z.number().int().min(1).max(366).optional(),
    valueLabel: z.string().trim().min(1).max(20).optional(),
    makeup: z
      .object({ cards: z.number().int().min(0).max(30), earnEvery: z.number().int().min(0).max(366), reach: z.number().int().min(0).max(30) })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

export const checkinBody = z
  .object({
    text: z.string().trim().max(2000).optional(),
    value: z.number().finite().min(0).max(1_000_000).optional(),
    /** 补卡: the past period (its key) this check-in makes up for. */
    makeUpFor: localDay.optional(),
  })
  .strict();

export const responseBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reaction'), text: z.string().min(1).max(8) }).strict(),
  z.object({ kind: z.literal('comment'), text: z.string().trim().min(1).max(1000) }).strict(),
]);

const tallyView = z.object({ streak: z.number(), longest: z.number(), total: z.number(), completion: z.number() });

export const challengeSummary = z.object({
  id: z.string(),
  title: z.string(),
  period: z.enum(PERIODS),
  startDate: z.string(),
  endDate: z.string().nullable(),
  state: z.enum(['upcoming', 'open', 'ended']),
  members: z.number(),
  joined: z.boolean(),
});

/** What the viewer may do here, decided by the policy so the web never re-derives it. */
const listPermissions = z.object({ canRun: z.boolean().describe('may create challenges and host events (core and up)') });
export const challengeList = z.object({ challenges: z.array(challengeSummary), permissions: listPermissions });
export const created = z.object({ id: z.string() });

export const checkinView = z.object({
  id: z.string(),
  period: z.string(),
  text: z.string(),
  value: z.number().nullable(),
  madeUp: z.boolean(),
  at: timestamp,
  member: person,
  reactions: z.array(z.object({ text: z.string(), count: z.number(), mine: z.boolean() })),
  comments: z.array(z.object({ id: z.string(), member: person, text: z.string(), at: timestamp })),
});

export const challengeView = challengeSummary.extend({
  description: z.string(),
  weekdays: z.array(z.number()).nullable(),
  valueLabel: z.string().nullable(),
  timezone: z.string(),
  today: z.string().describe('the current period key in the community time zone'),
  makeup: z.object({ cards: z.number(), earnEvery: z.number(), reach: z.number() }),
  /** The viewer's own standing; null when they have not joined. */
  me: z
    .object({
      streak: z.number(),
      longest: z.number(),
      total: z.number(),
      completion: z.number(),
      cardsLeft: z.number(),
      checkedToday: z.boolean(),
      calendar: z.array(z.object({ period: z.string(), state: z.enum(['checked', 'made_up', 'missed', 'open']) })),
    })
    .nullable(),
  streak: z.number().describe("the viewer's current streak (0 when not joined)"),
  leaderboard: z.array(tallyView.extend({ member: person, rank: z.number() })),
  recent: z.array(checkinView),
});

export const checkinSaved = z.object({ id: z.string(), period: z.string(), created: z.boolean(), madeUp: z.boolean(), streak: z.number() });
export const joined = z.object({ joined: z.boolean() });
export const responseSaved = z.object({ id: z.string() });

export type ChallengeBody = z.infer<typeof challengeBody>;
export type CheckinBody = z.infer<typeof checkinBody>;
export type ResponseBody = z.infer<typeof responseBody>;
export type ChallengeList = z.infer<typeof challengeList>;
export type ChallengeView = z.infer<typeof challengeView>;
export type CheckinView = z.infer<typeof checkinView>;
export type CheckinSaved = z.infer<typeof checkinSaved>;

// ── events ───────────────────────────────────────────────────────────────────

const isoTime = z.iso.datetime({ offset: true });
const link = z.url({ protocol: /^https?$/ }).max(500);

export const eventBody = z
  .object({
    title: z.string().trim().min(1).max(120),
    startsAt: isoTime,
    capacity: z.number().int().min(1).max(100_000),
    description: z.string().trim().max(4000).optional(),
    endsAt: isoTime.optional(),
    venue: z.string().trim().min(1).max(300).optional(),
    mapLink: link.optional(),
    meetingLink: link.optional(),
    registerUntil: isoTime.optional(),
  })
  .strict();

export const rsvpBody = z.object({ status: z.enum(RSVP_ASKS) }).strict();
export const codeBody = z.object({ code: z.string().trim().min(4).max(40) }).strict();
export const csvQuery = z.object({ format: z.enum(['json', 'csv']).optional() });

export const eventList = z.object({
  permissions: listPermissions,
  events: z.array(z.object({ id: z.string(), title: z.string(), startsAt: timestamp, capacity: z.number(), going: z.number(), myStatus: z.enum(RSVP_STATUSES).nullable() })),
});

const standing = z.object({ status: z.enum(RSVP_STATUSES), position: z.number().nullable().describe('place on the waitlist, 1 = next') });
export const rsvpSaved = standing;

export const eventView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  startsAt: timestamp,
  endsAt: timestamp.nullable(),
  capacity: z.number(),
  registerUntil: timestamp.nullable(),
  going: z.number(),
  waitlisted: z.number(),
  attended: z.number(),
  venue: z.string().nullable().describe('only for those going and the hosts'),
  mapLink: z.string().nullable(),
  meetingLink: z.string().nullable(),
  hasVenue: z.boolean(),
  hasMeetingLink: z.boolean(),
  me: standing.extend({ status: z.enum(RSVP_STATUSES).nullable(), attended: z.boolean() }),
  host: z.boolean(),
});

export const attendeeList = z.object({
  attendees: z.array(z.object({ member: person, status: z.enum(RSVP_STATUSES), position: z.number().nullable(), respondedAt: timestamp, attendedAt: timestamp.nullable() })),
});
export const attendeeCsv = z.string().describe('CSV with a header row: name, member_id, status, waitlist_position, responded_at, attended_at');
export const myCode = z.object({ code: z.string(), qrSvg: z.string().describe('the code as a QR image (SVG)'), used: z.boolean() });
export const checkedIn = z.object({ member: person, attendedAt: timestamp });
export const ics = z.string().describe('text/calendar');

export type EventBody = z.infer<typeof eventBody>;
export type EventList = z.infer<typeof eventList>;
export type EventView = z.infer<typeof eventView>;
export type RsvpSaved = z.infer<typeof rsvpSaved>;
export type AttendeeList = z.infer<typeof attendeeList>;
export type MyCode = z.infer<typeof myCode>;
export type CheckedIn = z.infer<typeof checkedIn>;
