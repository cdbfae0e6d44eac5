/**
 * HTTP ↔ content use cases. Every route declares its request and response
 * schemas (validation, 400s naming the field, /api/openapi.json); the web
 * imports the inferred response types (ContentApi below) type-only.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../communities/index.js';
import { DUTY_KINDS, DUTY_PERIODS } from './supply.js';
import { addDuty, coreDashboard, removeDuty } from './core.js';
import { BODY_MAX, FEED_SORTS, REACTIONS, REPLY_MAX, TAG_MAX, TAGS_MAX, TEASER_MAX, TITLE_MAX, VISIBILITIES } from './rules.js';
import {
  acceptAnswer,
  bookmark,
  createPost,
  getContentSettings,
  getFeed,
  getPost,
  getReplies,
  moderate,
  MODERATIONS,
  preview,
  publicTeasers,
  react,
  reply,
  searchContent,
  updateContentSettings,
} from './service.js';

const TAGS = ['content'];
const slug = z.string().min(1).max(64);
const id = z.string().min(1).max(64);
const slugParams = z.object({ slug });
const postParams = z.object({ slug, id });
const body = (max: number) => z.string().trim().min(1, { error: 'required' }).max(max, { error: `at most ${max} characters` });
const flag = z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true');

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

const feedQuery = z.object({
  sort: z.enum(FEED_SORTS).optional(),
  kind: z.enum(['post', 'question']).optional(),
  tag: z.string().trim().min(1).max(TAG_MAX).optional(),
  essence: flag.optional(),
  overdue: flag.optional(),
  bookmarked: flag.optional(),
  cursor: z.string().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

const replyInput = z.object({ body: body(REPLY_MAX), parentId: id.nullish() }).strict();
const reactInput = z.object({ reaction: z.enum(REACTIONS), replyId: id.nullish(), on: z.boolean().default(true) }).strict();
const count = z.number().int().min(0).max(1000);
const thresholds = {
  weeks: z.number().int().min(1).max(26),
  promoteOriginalPosts: count,
  promoteValueMarks: count,
  promoteRepliesReceived: count,
  stepDownBelowPercent: z.number().int().min(0).max(100),
};
const settingsPatch = z
  .object({
    post: z.enum(ROLES).optional(),
    ask: z.enum(ROLES).optional(),
    essence: z.enum(ROLES).optional(),
    answerPromiseHours: z.number().int().min(1).max(24 * 30).optional(),
    ...Object.fromEntries(Object.entries(thresholds).map(([k, v]) => [k, v.optional()])),
  })
  .strict();
const dutyInput = z.object({ userId: id.nullish(), kind: z.enum(DUTY_KINDS), target: z.number().int().min(1).max(500), period: z.enum(DUTY_PERIODS).optional() }).strict();

// ── response schemas ────────────────────────────────────────────────────────

const person = z.object({ id: z.string(), displayName: z.string() });
const reactionCount = z.object({ reaction: z.string(), count: z.number().int(), mine: z.boolean() });

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

const feed = z.object({ posts: z.array(postSummary), pinned: z.array(postSummary), nextCursor: z.string().nullable() });

const postPage = z.object({
  post: postSummary.extend({ html: z.string(), hiddenReason: z.string().nullable(), reactions: z.array(reactionCount), bookmarked: z.boolean() }),
  can: z.object({ reply: z.boolean(), accept: z.boolean(), essence: z.boolean(), moderate: z.boolean() }),
});

const replyShape = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  author: person,
  replyTo: person.nullable(),
  html: z.string(),
  createdAt: z.string(),
  reactions: z.array(reactionCount),
});
const replies = z.object({ replies: z.array(replyShape.extend({ children: z.array(replyShape) })) });

const searchResults = z.object({ results: z.array(postSummary.extend({ matchedReplyId: z.string().nullable() })) });
const teasers = z.object({ teasers: z.array(z.object({ id: z.string(), title: z.string().nullable(), teaser: z.string(), author: person, createdAt: z.string() })) });
const settings = z.object({
  settings: z.object({ post: z.enum(ROLES), ask: z.enum(ROLES), essence: z.enum(ROLES), answerPromiseHours: z.number().int(), ...thresholds }),
  canChange: z.boolean(),
});

const duty = z.object({ id: z.string(), userId: z.string().nullable(), kind: z.enum(DUTY_KINDS), target: z.number().int(), period: z.enum(DUTY_PERIODS) });
const weekStats = z.object({ originalPosts: z.number(), shared: z.number(), replies: z.number(), answers: z.number(), accepted: z.number(), essence: z.number(), repliesReceived: z.number() });
const dashboard = z.object({
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
const created = z.object({ id: z.string() });

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

export const contentRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;
  const uid = (req: { user: { id: string } | null }) => req.user?.id ?? null;
  const base_ = '/communities/:slug';

  app.get(`${base_}/posts`, { schema: { tags: TAGS, summary: 'The feed: posts the viewer may read, keyset-paginated (members)', params: slugParams, querystring: feedQuery, response: { 200: feed } } }, async (req) =>
    getFeed(ctx, req.params.slug, uid(req), req.query),
  );

  app.post(
    `${base_}/posts`,
    { schema: { tags: TAGS, summary: 'Write a post or ask a question; members-only unless said otherwise', params: slugParams, body: postInput, response: { 201: created } } },
    async (req, reply_) => reply_.status(201).send(await createPost(ctx, req.params.slug, uid(req), req.body)),
  );

  app.post(
    `${base_}/posts/preview`,
    { schema: { tags: TAGS, summary: 'Markdown as the post page will show it (members)', params: slugParams, body: z.object({ body: z.string().max(BODY_MAX) }).strict(), response: { 200: z.object({ html: z.string() }) } } },
    async (req) => preview(ctx, req.params.slug, uid(req), req.body.body),
  );

  app.get(`${base_}/posts/:id`, { schema: { tags: TAGS, summary: 'One post, rendered (members who may read it)', params: postParams, response: { 200: postPage } } }, async (req) =>
    getPost(ctx, req.params.slug, uid(req), req.params.id),
  );

  app.get(`${base_}/posts/:id/replies`, { schema: { tags: TAGS, summary: "A post's replies, one level of nesting", params: postParams, response: { 200: replies } } }, async (req) =>
    getReplies(ctx, req.params.slug, uid(req), req.params.id),
  );

  app.post(`${base_}/posts/:id/replies`, { schema: { tags: TAGS, summary: 'Reply to a post or to a reply', params: postParams, body: replyInput, response: { 201: created } } }, async (req, reply_) =>
    reply_.status(201).send(await reply(ctx, req.params.slug, uid(req), req.params.id, req.body)),
  );

  app.post(
    `${base_}/posts/:id/reactions`,
    { schema: { tags: TAGS, summary: 'React to a post or a reply (on: false takes it back)', params: postParams, body: reactInput, response: { 200: z.object({ reactions: z.array(reactionCount) }) } } },
    async (req) => react(ctx, req.params.slug, uid(req), req.params.id, req.body),
  );

  app.post(
    `${base_}/posts/:id/bookmark`,
    { schema: { tags: TAGS, summary: 'Bookmark a post or take the bookmark off', params: postParams, body: z.object({ on: z.boolean() }).strict(), response: { 200: z.object({ bookmarked: z.boolean() }) } } },
    async (req) => bookmark(ctx, req.params.slug, uid(req), req.params.id, req.body.on),
  );

  app.post(
    `${base_}/posts/:id/accept`,
    { schema: { tags: TAGS, summary: 'The asker accepts an answer', params: postParams, body: z.object({ replyId: id }).strict(), response: { 200: z.object({ state: z.literal('accepted') }) } } },
    async (req) => acceptAnswer(ctx, req.params.slug, uid(req), req.params.id, req.body.replyId),
  );

  app.post(
    `${base_}/posts/:id/moderate`,
    {
      schema: {
        tags: TAGS,
        summary: 'Mark 精华, pin, lock or hide a post (with a reason in the audit log)',
        params: postParams,
        body: z.object({ action: z.enum(MODERATIONS), reason: z.string().trim().max(500).optional() }).strict(),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async (req) => moderate(ctx, req.params.slug, uid(req), req.params.id, req.body),
  );

  app.get(
    `${base_}/search`,
    { schema: { tags: TAGS, summary: 'Search posts and replies the viewer may read (繁/简-insensitive)', params: slugParams, querystring: z.object({ q: z.string().trim().min(1).max(100) }), response: { 200: searchResults } } },
    async (req) => searchContent(ctx, req.params.slug, uid(req), req.query.q),
  );

  app.get(`${base_}/teasers`, { schema: { tags: TAGS, summary: 'Public teasers of posts (anyone)', params: slugParams, response: { 200: teasers } } }, async (req) =>
    publicTeasers(ctx, req.params.slug, uid(req)),
  );

  app.get(`${base_}/content/settings`, { schema: { tags: TAGS, summary: 'Who may post, ask and mark 精华; the answer promise', params: slugParams, response: { 200: settings } } }, async (req) =>
    getContentSettings(ctx, req.params.slug, uid(req)),
  );

  app.patch(`${base_}/content/settings`, { schema: { tags: TAGS, summary: 'Change the content settings (owner)', params: slugParams, body: settingsPatch, response: { 200: settings } } }, async (req) =>
    updateContentSettings(ctx, req.params.slug, uid(req), req.body),
  );

  app.get(`${base_}/core/dashboard`, { schema: { tags: TAGS, summary: 'Who of the core supplies what, week by week; duties; promotion suggestions (owner, admin)', params: slugParams, response: { 200: dashboard } } }, async (req) =>
    coreDashboard(ctx, req.params.slug, uid(req)),
  );

  app.post(`${base_}/core/duties`, { schema: { tags: TAGS, summary: 'Set a duty for one core member or all (owner)', params: slugParams, body: dutyInput, response: { 201: z.object({ duty }) } } }, async (req, reply_) =>
    reply_.status(201).send(await addDuty(ctx, req.params.slug, uid(req), req.body)),
  );

  app.delete(`${base_}/core/duties/:id`, { schema: { tags: TAGS, summary: 'Remove a duty (owner)', params: postParams, response: { 200: z.object({ ok: z.boolean() }) } } }, async (req) =>
    removeDuty(ctx, req.params.slug, uid(req), req.params.id),
  );
};
