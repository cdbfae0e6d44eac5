/**
 * The content API's request and response schemas. Routes validate with them and
 * the web imports the types they infer (ContentApi) type-only, so the two never drift.
 */
import { z } from 'zod';
import { ROLES } from '../communities/rules.js';
import { DUTY_KINDS, DUTY_PERIODS } from './supply.js';
import { BODY_MAX, FEED_SORTS, REACTIONS, REPLY_MAX, TAG_MAX, TAGS_MAX, TEASER_MAX, TITLE_MAX, VISIBILITIES } from './rules.js';

export const slug = z.string().min(1).max(64);
export const id = z.string().min(1).max(64);
export const slugParams = z.object({ slug });
export const postParams = z.object({ slug, id });
export const body = (max: number) => z.string().trim().min(1, { error: 'required' }).max(max, { error: `at most ${max} characters` });
export const flag = z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true');

// ── request schemas ─────────────────────────────────────────────────────────

export const postInput = z
  .object({
    kind: z.enum(['post', 'question']).optional(),
    title: z.string().trim().max(TITLE_MAX, { error: `at most ${TITLE_MAX} characters` }).nullish(),
    body: body(BODY_MAX),
    visibility: z.enum(VISIBILITIES).optional(),
    tierId: id.nullish(),
    teaser: z.string().trim().max(TEASER_MAX, { error: `at most ${TEASER_MAX} characters` }).nullish(),
    tags: z.array(z.string().trim().min(1).max(TAG_MAX)).max(TAGS_MAX).optional(),
    askedTo: id.optional(),
  })
  .strict();

export const feedQuery = z.object({
  sort: z.enum(FEED_SORTS).optional(),
  kind: z.enum(['post', 'question']).optional(),
  tag: z.string().trim().min(1).max(TAG_MAX).optional(),
  essence: flag.optional(),
  overdue: flag.optional(),
  bookmarked: flag.optional(),
  cursor: z.string().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

export const replyInput = z.object({ body: body(REPLY_MAX), parentId: id.nullish() }).strict();
export const reactInput = z.object({ reaction: z.enum(REACTIONS), replyId: id.nullish(), on: z.boolean().default(true) }).strict();
export const count = z.number().int().min(0).max(1000);
export const thresholds = {
  weeks: z.number().int().min(1).max(26),
  promoteOriginalPosts: count,
  promoteValueMarks: count,
  promoteRepliesReceived: count,
  stepDownBelowPercent: z.number().int().min(0).max(100),
};
export const settingsPatch = z
  .object({
    post: z.enum(ROLES).optional(),
    ask: z.enum(ROLES).optional(),
    essence: z.enum(ROLES).optional(),
    answerPromiseHours: z.number().int().min(1).max(24 * 30).optional(),
    ...Object.fromEntries(Object.entries(thresholds).map(([k, v]) => [k, v.optional()])),
  })
  .strict();
export const dutyInput = z.object({ userId: id.nullish(), kind: z.enum(DUTY_KINDS), target: z.number().int().min(1).max(500), period: z.enum(DUTY_PERIODS).optional() }).strict();

// ── response schemas ────────────────────────────────────────────────────────

export const person = z.object({ id: z.string(), displayName: z.string() });
export const reactionCount = z.object({ reaction: z.string(), count: z.number().int(), mine: z.boolean() });

export const postSummary = z.object({
  id: z.string(),
  kind: z.enum(['post', 'question']),
  title: z.string().nullable(),
  excerpt: z.string(),
  author: person,
  visibility: z.enum(VISIBILITIES),
  tierId: z.string().nullable(),
  tags: z.array(z.string()),
  origin: z.enum(['original', 'link']),
  essence: z.boolean(),
  pinned: z.boolean(),
  locked: z.boolean(),
  hidden: z.boolean(),
  teaser: z.string().nullable(),
  replyCount: z.number().int(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  question: z
    .object({
      askedTo: z.enum(['core', 'member']),
      askedUser: person.nullable(),
      state: z.enum(['open', 'answered', 'accepted']),
      acceptedReplyId: z.string().nullable(),
      overdue: z.boolean(),
    })
    .nullable(),
});

export const feed = z.object({
  posts: z.array(postSummary),
  pinned: z.array(postSummary),
  nextCursor: z.string().nullable(),
  /** What the viewer may open here, decided by the policy so the web never re-derives it. */
  permissions: z.object({ canSeeOverdue: z.boolean() }),
});

export const postPage = z.object({
  post: postSummary.extend({ html: z.string(), hiddenReason: z.string().nullable(), reactions: z.array(reactionCount), bookmarked: z.boolean() }),
  can: z.object({ reply: z.boolean(), accept: z.boolean(), essence: z.boolean(), moderate: z.boolean() }),
});

export const replyShape = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  author: person,
  replyTo: person.nullable(),
  html: z.string(),
  createdAt: z.string(),
  reactions: z.array(reactionCount),
});
export const replies = z.object({ replies: z.array(replyShape.extend({ children: z.array(replyShape) })) });

export const searchResults = z.object({ results: z.array(postSummary.extend({ matchedReplyId: z.string().nullable() })) });
export const teasers = z.object({ teasers: z.array(z.object({ id: z.string(), title: z.string().nullable(), teaser: z.string(), author: person, createdAt: z.string() })) });
export const settings = z.object({
  settings: z.object({ post: z.enum(ROLES), ask: z.enum(ROLES), essence: z.enum(ROLES), answerPromiseHours: z.number().int(), ...thresholds }),
  canChange: z.boolean(),
});

export const duty = z.object({ id: z.string(), userId: z.string().nullable(), kind: z.enum(DUTY_KINDS), target: z.number().int(), period: z.enum(DUTY_PERIODS) });
export const weekStats = z.object({ originalPosts: z.number(), shared: z.number(), replies: z.number(), answers: z.number(), accepted: z.number(), essence: z.number(), repliesReceived: z.number() });
export const dashboard = z.object({
  weeks: z.array(z.string()),
  core: z.array(
    z.object({
      user: person,
      weeks: z.array(weekStats),
      duties: z.array(duty.extend({ done: z.number(), required: z.number(), met: z.boolean() })),
      fulfilment: z.number().nullable(),
      behind: z.boolean(),
      belowDuties: z.boolean(),
    }),
  ),
  suggestions: z.array(z.object({ user: person, totals: weekStats })),
  duties: z.array(duty),
  thresholds: z.object(thresholds),
  canEdit: z.boolean(),
});
export const created = z.object({ id: z.string() });

/** Response types for the web (import type-only). */
export interface ContentApi {
  PostSummary: z.infer<typeof postSummary>;
  Feed: z.infer<typeof feed>;
  PostPage: z.infer<typeof postPage>;
  Replies: z.infer<typeof replies>;
  Reply: z.infer<typeof replyShape>;
  SearchResults: z.infer<typeof searchResults>;
  Teasers: z.infer<typeof teasers>;
  Settings: z.infer<typeof settings>;
  PostInput: z.input<typeof postInput>;
  Dashboard: z.infer<typeof dashboard>;
  DutyInput: z.input<typeof dutyInput>;
}
