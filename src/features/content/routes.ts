/**
 * HTTP ↔ content use cases. Every route declares its request and response
 * schemas (validation, 400s naming the field, /api/openapi.json); the web
 * imports the inferred response types (ContentApi below) type-only.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDuty, coreDashboard, removeDuty } from './core.js';
import { BODY_MAX } from './rules.js';
import {
  body, count, created, dashboard, duty, dutyInput, feed, feedQuery, flag, id, person, postInput, postPage, postParams, postSummary, reactInput, reactionCount, replies, replyInput, replyShape, searchResults, settings, settingsPatch, slug, slugParams, teasers, thresholds, weekStats,
} from './schemas.js';
export type { ContentApi } from './schemas.js';
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
