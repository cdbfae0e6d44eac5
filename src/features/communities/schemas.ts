/**
 * Zod schemas of the communities API: request validation (bounded lengths,
 * 400s that name the field) and the response shapes in /api/openapi.json.
 */
import { z } from 'zod';
import { EVENT_KINDS } from '../../kernel/activity/taxonomy.js';
import { person, timestamp } from '../../kernel/http/schemas.js';
import { COMMUNITY_TYPES, MEMBERSHIP_STATES, ROLES, slugProblem } from './rules.js';
import { cursorParam } from '../../kernel/paging.js';

export const NAME_MAX = 80;
export const TEXT_MAX = 4000;
export const CAPACITY_MAX = 100_000;

export const slug = z
  .string()
  .max(40, { error: 'at most 40 characters' })
  .superRefine((value, ctx) => {
    const problem = slugProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const name = z.string().trim().min(1, { error: 'required' }).max(NAME_MAX, { error: `at most ${NAME_MAX} characters` });
const requiredText = z.string().trim().min(1, { error: 'required' }).max(TEXT_MAX, { error: `at most ${TEXT_MAX} characters` });
const text = z.string().trim().max(TEXT_MAX, { error: `at most ${TEXT_MAX} characters` });
const capacity = z
  .number()
  .int({ error: 'a whole number' })
  .min(1, { error: 'at least 1' })
  .max(CAPACITY_MAX, { error: `at most ${CAPACITY_MAX}` })
  .nullable();

export const charterInput = z.object({
  slug,
  name,
  type: z.enum(COMMUNITY_TYPES),
  sharedNeed: requiredText,
  valuePromise: requiredText,
  norms: text,
  entryCriteria: text,
  capacity: capacity.optional(),
  publicTeaser: z.boolean().optional(),
  teaser: text.optional(),
});

export const charterPatch = z
  .object({
    slug: slug.optional(),
    name: name.optional(),
    type: z.enum(COMMUNITY_TYPES).optional(),
    sharedNeed: requiredText.optional(),
    valuePromise: requiredText.optional(),
    norms: text.optional(),
    entryCriteria: text.optional(),
    capacity: capacity.optional(),
    publicTeaser: z.boolean().optional(),
    teaser: text.optional(),
  })
  .strict();

export const roleChange = z.object({ role: z.enum(ROLES) });

export const reasonBody = z
  .object({ reason: z.string().trim().max(500, { error: 'at most 500 characters' }).optional() })
  .optional();

export const memberQuery = z.object({
  state: z.enum([...MEMBERSHIP_STATES, 'all']).optional(),
  role: z.enum(ROLES).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** `nextCursor` of the page before. */
  cursor: cursorParam,
});

const KIND_LIST = new Set<string>(EVENT_KINDS);
export const activityQuery = z.object({
  /** One kind or several, comma-separated. */
  kind: z
    .string()
    .max(1000)
    .optional()
    .superRefine((value, ctx) => {
      const bad = value?.split(',').find((k) => !KIND_LIST.has(k.trim()));
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `unknown event kind "${bad}"` });
    })
    .transform((value) => value?.split(',').map((k) => k.trim()) as (typeof EVENT_KINDS)[number][] | undefined),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** `nextCursor` of the page before: page to older events. */
  cursor: cursorParam,
});

export const feedQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).optional(), cursor: cursorParam });

// ── responses ────────────────────────────────────────────────────────────────

export const community = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  type: z.enum(COMMUNITY_TYPES),
  sharedNeed: z.string(),
  valuePromise: z.string(),
  norms: z.string(),
  entryCriteria: z.string(),
  capacity: z.number().int().nullable(),
  publicTeaser: z.boolean(),
  teaser: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** What a visitor sees. The teaser shows only when the charter says so. */
export const publicCommunity = community
  .pick({ id: true, slug: true, name: true, type: true, sharedNeed: true, valuePromise: true, entryCriteria: true, norms: true, capacity: true })
  .extend({ memberCount: z.number().int(), teaser: z.string().nullable() });

export const viewer = z.object({ state: z.enum(MEMBERSHIP_STATES), role: z.enum(ROLES) });

/**
 * What the viewer may do in this community, decided by the policy (policy.ts)
 * so the web shows exactly the controls the server will accept.
 */
export const permissions = z.object({
  canOpenConsole: z.boolean(),
  canEditCharter: z.boolean(),
  canListMembers: z.boolean(),
  canReadActivity: z.boolean(),
});

export const myCommunity = z.object({ community: publicCommunity, viewer, permissions, memberCount: z.number().int() });

/** What the viewer may do to this member: the roles they may set (the current one included) and removal. */
export const memberPermissions = z.object({
  canChangeRole: z.boolean(),
  grantableRoles: z.array(z.enum(ROLES)),
  canRemove: z.boolean(),
});

export const member = z.object({
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  state: z.enum(MEMBERSHIP_STATES),
  joinedAt: timestamp.nullable(),
});

export const memberRow = member.extend({ permissions: memberPermissions });

export const activityItem = z.object({
  id: z.number().int(),
  kind: z.string().describe('an event kind (docs/events.md)'),
  at: timestamp,
  actor: person.nullable(),
  target: person.nullable(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const home = z.object({
  community,
  viewer,
  permissions,
  stats: z.object({ members: z.number().int(), core: z.number().int(), joinedLast30d: z.number().int() }),
  core: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.enum(ROLES) })),
  recent: z.array(activityItem),
  /** Older items of the feed: GET …/home/feed?cursor=. */
  recentCursor: z.string().nullable(),
});

export const created = z.object({ community, viewer, permissions });
export const publicPage = z.object({ community: publicCommunity, viewer: viewer.nullable(), permissions });
export const myCommunities = z.object({ communities: z.array(myCommunity) });
export const charterSaved = z.object({ community });
/** A page of members; `total` is counted on the first page only (null after, and for a search). */
export const memberList = z.object({ members: z.array(memberRow), nextCursor: z.string().nullable(), total: z.number().int().nullable() });
export const memberChanged = z.object({ member });
export const activityPage = z.object({ events: z.array(activityItem), nextCursor: z.string().nullable() });

// The types the web imports (type-only) instead of restating them.
export type Community = z.infer<typeof community>;
export type PublicCommunity = z.infer<typeof publicCommunity>;
export type Viewer = z.infer<typeof viewer>;
export type Permissions = z.infer<typeof permissions>;
export type MemberPermissions = z.infer<typeof memberPermissions>;
export type Member = z.infer<typeof member>;
export type MemberRow = z.infer<typeof memberRow>;
export type ActivityItem = z.infer<typeof activityItem>;
export type HomeView = z.infer<typeof home>;
export type PublicPage = z.infer<typeof publicPage>;
export type Created = z.infer<typeof created>;
export type CharterSaved = z.infer<typeof charterSaved>;
export type MemberList = z.infer<typeof memberList>;
export type ActivityPage = z.infer<typeof activityPage>;
export type MyCommunities = z.infer<typeof myCommunities>;
