/**
 * HTTP ↔ use cases for communities. Validation and the OpenAPI document come
 * from the Zod schemas in schemas.ts; everything else happens in the services.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../kernel/http/server.js';
import { idParam, slugParams } from '../../kernel/http/schemas.js';
import { changeRole, leave, listMembers, removeMember } from './membership.js';
import { createCommunity, getHome, getPublic, homeFeed, listActivity, listMyCommunities, updateCharter } from './service.js';
import * as s from './schemas.js';

const TAGS = ['communities'];
const memberParams = slugParams.extend({ userId: idParam });

export const communityRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;

  app.get(
    '/communities',
    { schema: { tags: TAGS, summary: 'My communities (member or applicant)', response: { 200: s.myCommunities } } },
    async (req) => ({ communities: await listMyCommunities(ctx, requireUser(req).id) }),
  );

  app.post(
    '/communities',
    {
      schema: {
        tags: TAGS,
        summary: 'Create a community and write its charter; the creator becomes owner',
        body: s.charterInput,
        response: { 201: s.created },
      },
    },
    async (req, reply) => reply.status(201).send(await createCommunity(ctx, requireUser(req).id, req.body)),
  );

  app.get(
    '/communities/:slug',
    {
      schema: {
        tags: TAGS,
        summary: 'Public page of a community (what a visitor sees)',
        params: slugParams,
        response: { 200: s.publicPage },
      },
    },
    async (req) => getPublic(ctx, req.params.slug, req.user?.id ?? null),
  );

  app.get(
    '/communities/:slug/home',
    { schema: { tags: TAGS, summary: 'Member home (members only)', params: slugParams, response: { 200: s.home } } },
    async (req) => getHome(ctx, req.params.slug, req.user?.id ?? null),
  );

  app.get(
    '/communities/:slug/home/feed',
    { schema: { tags: TAGS, summary: "The member home's recent feed, older pages (members only)", params: slugParams, querystring: s.feedQuery, response: { 200: s.activityPage } } },
    async (req) => homeFeed(ctx, req.params.slug, req.user?.id ?? null, req.query),
  );

  app.patch(
    '/communities/:slug/charter',
    {
      schema: {
        tags: TAGS,
        summary: 'Edit the charter (owner or admin)',
        params: slugParams,
        body: s.charterPatch,
        response: { 200: s.charterSaved },
      },
    },
    async (req) => updateCharter(ctx, req.params.slug, req.user?.id ?? null, req.body),
  );

  app.get(
    '/communities/:slug/members',
    {
      schema: {
        tags: TAGS,
        summary: 'List members (owner or admin); state defaults to member, "all" for every state',
        params: slugParams,
        querystring: s.memberQuery,
        response: { 200: s.memberList },
      },
    },
    async (req) => {
      const { state, ...rest } = req.query;
      return listMembers(ctx, req.params.slug, req.user?.id ?? null, { ...rest, state: state === 'all' ? undefined : (state ?? 'member') });
    },
  );

  app.patch(
    '/communities/:slug/members/:userId',
    {
      schema: {
        tags: TAGS,
        summary: "Change a member's role",
        params: memberParams,
        body: s.roleChange,
        response: { 200: s.memberChanged },
      },
    },
    async (req) => changeRole(ctx, req.params.slug, req.user?.id ?? null, req.params.userId, req.body.role),
  );

  app.post(
    '/communities/:slug/members/:userId/remove',
    {
      schema: {
        tags: TAGS,
        summary: 'Remove a member (清理)',
        params: memberParams,
        body: s.reasonBody,
        response: { 200: s.memberChanged },
      },
    },
    async (req) => removeMember(ctx, req.params.slug, req.user?.id ?? null, req.params.userId, req.body?.reason),
  );

  app.post(
    '/communities/:slug/leave',
    {
      schema: { tags: TAGS, summary: 'Leave the community (the owner cannot)', params: slugParams, body: s.reasonBody, response: { 200: s.memberChanged } },
    },
    async (req) => leave(ctx, req.params.slug, req.user?.id ?? null, req.body?.reason),
  );

  app.get(
    '/communities/:slug/activity',
    {
      schema: {
        tags: TAGS,
        summary: 'The activity log, newest first (owner or admin)',
        params: slugParams,
        querystring: s.activityQuery,
        response: { 200: s.activityPage },
      },
    },
    async (req) => {
      const { kind, limit, cursor } = req.query;
      return listActivity(ctx, req.params.slug, req.user?.id ?? null, { kinds: kind, limit, cursor });
    },
  );
};
