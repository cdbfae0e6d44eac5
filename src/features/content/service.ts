/**
 * Content use cases: write a post or a question, read the feed and a post,
 * reply, react, bookmark, accept an answer, moderate, search, and the public
 * teasers. Each opens the community once (a member here, with their tiers and
 * the community's content settings), asks the policy, and writes the row, its
 * search entry, its activity events, audit entries and notices in one
 * transaction joined from the caller's.
 */
import type { AppContext } from '../../kernel/context.js';
import { appendEvent } from '../../kernel/activity/log.js';
import { recordDecision } from '../../kernel/audit.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { Forbidden, Invalid, NotFound, Conflict } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { usersById } from '../accounts/index.js';
import { openCommunity, type Opening } from '../communities/index.js';
import { activeTiersOf } from '../gate/index.js';
import { notify, type NoticeKind } from '../members/index.js';
import { excerpt, renderMarkdown } from './markdown.js';
import { accessOf, canDo, canRead, type Access, type ContentAction } from './policy.js';
import {
  decodeCursor,
  encodeCursor,
  linksIn,
  mentionedNames,
  mergeSettings,
  normalizeTags,
  originOf,
  overdueBefore,
  reaches,
  stateAfterReply,
  visibilityProblem,
  type ContentSettings,
  type FeedSort,
  type PostKind,
  type Reaction,
  type Visibility,
} from './rules.js';
import * as search from './search.js';
import * as store from './store.js';
import { postSummary, reactionSet, replyView, thread, type Names } from './views.js';

interface Opened extends Opening {
  access: Access;
  settings: ContentSettings;
}

/** The one opening of content: an active member here, their paid tiers and the content settings. */
async function open(ctx: AppContext, db: Q, slug: string, userId: string | null, need?: ContentAction): Promise<Opened> {
  const o = await openCommunity(db, { slug }, userId, 'community.view_member_home');
  const tiers = await activeTiersOf(db, o.community.id, o.me, ctx.clock.now().toISOString());
  const access = accessOf(o.actor, o.community.id, tiers);
  if (!access) throw Forbidden();
  const settings = mergeSettings(await store.loadSettings(db, o.community.id));
  if (need && !canDo(access, need, settings)) throw Forbidden(`not allowed: content.${need}`);
  return { ...o, access, settings };
}

/** A post the viewer may read, or 404 (a post they may not read does not exist for them). */
async function readablePost(db: Q, o: Opened, postId: string, lock = false): Promise<store.PostRow> {
  const post = await store.findPost(db, o.community.id, postId, { lock });
  if (!post || !canRead(o.access, post)) throw NotFound('post');
  return post;
}

async function names(db: Q, ids: (string | null)[]): Promise<Names> {
  return usersById(db, ids.filter((x): x is string => !!x));
}

async function summaries(ctx: AppContext, db: Q, o: Opened, rows: store.PostRow[]) {
  const [people, tags] = await Promise.all([names(db, rows.flatMap((p) => [p.authorId, p.askedUserId])), store.tagsOf(db, rows.map((p) => p.id))]);
  const now = ctx.clock.now().getTime();
  return rows.map((p) => postSummary(p, people, tags.get(p.id) ?? [], o.settings, now));
}

// ── writing ─────────────────────────────────────────────────────────────────

export interface PostInput {
  kind?: PostKind;
  title?: string | null;
  body: string;
  visibility?: Visibility;
  tierId?: string | null;
  teaser?: string | null;
  tags?: string[];
  /** Questions: 'core' asks every core member; a user id asks that core member. */
  askedTo?: string;
}

export async function createPost(ctx: AppContext, slug: string, userId: string | null, input: PostInput, trx?: Q): Promise<{ id: string }> {
  const kind = input.kind ?? 'post';
  return inTransaction(trx ?? ctx.db, async (db) => {
    const o = await open(ctx, db, slug, userId, kind === 'question' ? 'ask' : 'post');
    const visibility = input.visibility ?? 'members';
    const problem = visibilityProblem(visibility, input.tierId);
    if (problem) throw Invalid(visibility === 'tier' ? 'tierId' : 'visibility', problem);
    const asked = kind === 'question' ? await addressee(db, o, input.askedTo) : null;
    const now = ctx.clock.now();
    const at = now.toISOString();
    const title = input.title?.trim() || null;
    const row: store.PostRow = {
      id: newId(now.getTime()),
      communityId: o.community.id,
      authorId: o.me,
      kind,
      title,
      body: input.body,
      html: renderMarkdown(input.body),
      tags: JSON.stringify(normalizeTags(input.tags ?? [])),
      visibility,
      tierId: visibility === 'tier' ? (input.tierId ?? null) : null,
      teaser: input.teaser?.trim() || null,
      origin: kind === 'question' ? 'original' : originOf(title, input.body),
      essence: 0,
      pinned: 0,
      locked: 0,
      hiddenAt: null,
      hiddenReason: null,
      replyCount: 0,
      lastActivityAt: at,
      askedTo: asked ? (asked.userId ? 'member' : 'core') : null,
      askedUserId: asked?.userId ?? null,
      questionState: kind === 'question' ? 'open' : null,
      acceptedReplyId: null,
      answeredAt: null,
      createdAt: at,
      updatedAt: at,
    };
    await store.insertPost(db, row, normalizeTags(input.tags ?? []));
    await search.index(db, { id: `p:${row.id}`, communityId: row.communityId, postId: row.id, text: `${title ?? ''}\n${row.body}` });
    // The log holds no text or links of a post (the home's activity shows events to every member).
    await appendEvent(db, row.communityId, {
      kind: 'content.posted',
      at,
      actorId: o.me,
      targetId: row.askedUserId,
      objectType: kind,
      objectId: row.id,
      data: { origin: row.origin, textLength: row.body.length, linkCount: linksIn(row.body).length, visibility },
    });
    const tell = asked?.userId ? [asked.userId] : kind === 'question' ? await store.coreMembers(db, row.communityId) : [];
    await tellAll(ctx, db, row.communityId, tell, o.me, 'content.asked', { postId: row.id, title: noticeTitle(row), by: await nameOf(db, o.me) });
    await mentions(ctx, db, o, row, null, input.body);
    return { id: row.id };
  });
}

/** Who a question is addressed to: the core, or one active core member. */
async function addressee(db: Q, o: Opened, askedTo: string | undefined): Promise<{ userId: string | null }> {
  if (!askedTo || askedTo === 'core') return { userId: null };
  const core = await store.coreMembers(db, o.community.id);
  if (!core.includes(askedTo) || askedTo === o.me) throw Invalid('askedTo', 'ask a core member of this community (or the core)');
  return { userId: askedTo };
}

export async function reply(ctx: AppContext, slug: string, userId: string | null, postId: string, input: { body: string; parentId?: string | null }, trx?: Q): Promise<{ id: string }> {
  return inTransaction(trx ?? ctx.db, async (db) => {
    const o = await open(ctx, db, slug, userId);
    const post = await readablePost(db, o, postId, true);
    if (post.locked && !canDo(o.access, 'moderate', o.settings)) throw Conflict('the post is locked', 'postId', 'locked');
    const parent = input.parentId ? await store.findReply(db, post.id, input.parentId) : undefined;
    if (input.parentId && !parent) throw Invalid('parentId', 'no such reply under this post');
    const now = ctx.clock.now();
    const at = now.toISOString();
    const row: store.ReplyRow = {
      id: newId(now.getTime()),
      communityId: o.community.id,
      postId: post.id,
      authorId: o.me,
      // One level of nesting: a reply to a reply hangs under the top-level one, addressed to its author.
      parentId: parent ? (parent.parentId ?? parent.id) : null,
      replyToUserId: parent ? parent.authorId : post.authorId,
      body: input.body,
      html: renderMarkdown(input.body),
      hiddenAt: null,
      createdAt: at,
    };
    await store.insertReply(db, row);
    const state = post.kind === 'question' ? stateAfterReply(post, { userId: o.me, role: o.access.role }) : null;
    const answered = state === 'answered' && post.questionState === 'open';
    await store.updatePost(db, o.community.id, post.id, {
      replyCount: post.replyCount + 1,
      lastActivityAt: at,
      ...(answered ? { questionState: 'answered', answeredAt: at } : {}),
    });
    await search.index(db, { id: `r:${row.id}`, communityId: row.communityId, postId: post.id, text: row.body });
    await appendEvent(db, row.communityId, {
      kind: 'content.replied',
      at,
      actorId: o.me,
      targetId: row.replyToUserId,
      objectType: 'reply',
      objectId: row.id,
      data: { origin: 'original', textLength: row.body.length, replyToObjectId: parent?.id ?? post.id, ...(answered ? { answer: true } : {}) },
    });
    const notice = { postId: post.id, title: noticeTitle(post), by: await nameOf(db, o.me) };
    const told = new Set<string>([o.me]);
    if (!told.has(post.authorId)) {
      await notify(ctx, db, { communityId: row.communityId, userId: post.authorId, kind: answered ? 'content.answered' : 'content.replied', data: notice });
      told.add(post.authorId);
    }
    if (parent && !told.has(parent.authorId)) {
      await notify(ctx, db, { communityId: row.communityId, userId: parent.authorId, kind: 'content.replied', data: notice });
      told.add(parent.authorId);
    }
    await mentions(ctx, db, o, post, row.id, row.body, told);
    return { id: row.id };
  });
}

/** @名字 of active members: an event and a notice each (not to the writer, not twice). */
async function mentions(ctx: AppContext, db: Q, o: Opened, post: store.PostRow, replyId: string | null, body: string, told = new Set([o.me])): Promise<void> {
  const found = await store.membersNamed(db, o.community.id, mentionedNames(body));
  const at = ctx.clock.now().toISOString();
  const by = await nameOf(db, o.me);
  for (const m of found) {
    if (m.userId === o.me) continue;
    await appendEvent(db, o.community.id, { kind: 'content.mentioned', at, actorId: o.me, targetId: m.userId, objectType: replyId ? 'reply' : post.kind, objectId: replyId ?? post.id });
    // A mention in a post the person may not read tells them nothing of it.
    if (told.has(m.userId) || !(await mayRead(ctx, db, o, post, m.userId))) continue;
    told.add(m.userId);
    await notify(ctx, db, { communityId: o.community.id, userId: m.userId, kind: 'content.mentioned', data: { postId: post.id, title: noticeTitle(post), by } });
  }
}

async function mayRead(ctx: AppContext, db: Q, o: Opened, post: store.PostRow, userId: string): Promise<boolean> {
  const m = await openCommunity(db, { id: o.community.id }, userId, 'signed-in');
  const tiers = await activeTiersOf(db, o.community.id, userId, ctx.clock.now().toISOString());
  const access = accessOf(m.actor, o.community.id, tiers);
  return !!access && canRead(access, post);
}

async function tellAll(ctx: AppContext, db: Q, communityId: string, userIds: string[], except: string, kind: NoticeKind, data: Record<string, unknown>) {
  for (const userId of userIds) if (userId !== except) await notify(ctx, db, { communityId, userId, kind, data });
}

/** What a notice calls the post: its title, else its first words. */
function noticeTitle(p: { title: string | null; body: string }): string {
  return p.title ?? excerpt(p.body, 30);
}

async function nameOf(db: Q, userId: string): Promise<string> {
  return (await usersById(db, [userId])).get(userId)?.displayName ?? '';
}

export async function react(ctx: AppContext, slug: string, userId: string | null, postId: string, input: { reaction: Reaction; replyId?: string | null; on: boolean }, trx?: Q) {
  return inTransaction(trx ?? ctx.db, async (db) => {
    const o = await open(ctx, db, slug, userId);
    const post = await readablePost(db, o, postId);
    const target = input.replyId ? await store.findReply(db, post.id, input.replyId) : undefined;
    if (input.replyId && !target) throw Invalid('replyId', 'no such reply under this post');
    const at = ctx.clock.now().toISOString();
    const changed = await store.setReaction(db, { communityId: o.community.id, postId: post.id, replyId: target?.id ?? '', userId: o.me, reaction: input.reaction, at }, input.on);
    if (changed && input.on) {
      await appendEvent(db, o.community.id, {
        kind: 'content.reacted',
        at,
        actorId: o.me,
        targetId: target?.authorId ?? post.authorId,
        objectType: target ? 'reply' : post.kind,
        objectId: target?.id ?? post.id,
        data: { reaction: input.reaction },
      });
    }
    return { reactions: reactionSet(await store.reactionsOf(db, post.id, o.me), target?.id ?? '') };
  });
}

export async function bookmark(ctx: AppContext, slug: string, userId: string | null, postId: string, on: boolean, trx?: Q) {
  return inTransaction(trx ?? ctx.db, async (db) => {
    const o = await open(ctx, db, slug, userId);
    const post = await readablePost(db, o, postId);
    await store.setBookmark(db, o.community.id, o.me, post.id, on, ctx.clock.now().toISOString());
    return { bookmarked: on };
  });
}

/** The asker accepts one answer under their question. */
export async function acceptAnswer(ctx: AppContext, slug: string, userId: string | null, postId: string, replyId: string, trx?: Q) {
  return inTransaction(trx ?? ctx.db, async (db) => {
    const o = await open(ctx, db, slug, userId);
    const post = await readablePost(db, o, postId, true);
    if (post.kind !== 'question') throw Invalid('postId', 'only a question has answers to accept');
    if (post.authorId !== o.me) throw Forbidden('only the asker accepts an answer');
    const answer = await store.findReply(db, post.id, replyId);
    if (!answer) throw Invalid('replyId', 'no such reply under this question');
    if (answer.authorId === o.me) throw Invalid('replyId', 'accept someone else’s answer');
    if (post.acceptedReplyId === answer.id) return { state: 'accepted' as const };
    const at = ctx.clock.now().toISOString();
    await store.updatePost(db, o.community.id, post.id, { questionState: 'accepted', acceptedReplyId: answer.id, answeredAt: post.answeredAt ?? at, updatedAt: at });
    await appendEvent(db, o.community.id, { kind: 'content.accepted', at, actorId: o.me, targetId: answer.authorId, objectType: 'reply', objectId: answer.id, data: { replyToObjectId: post.id } });
    await notify(ctx, db, { communityId: o.community.id, userId: answer.authorId, kind: 'content.accepted', data: { postId: post.id, title: noticeTitle(post), by: await nameOf(db, o.me) } });
    return { state: 'accepted' as const };
  });
}

// ── moderation and settings ────────────────────────────────────────────────

export const MODERATIONS = ['essence', 'unessence', 'pin', 'unpin', 'lock', 'unlock', 'hide', 'unhide'] as const;
export type Moderation = (typeof MODERATIONS)[number];

export async function moderate(ctx: AppContext, slug: string, userId: string | null, postId: string, input: { action: Moderation; reason?: string }, trx?: Q) {
  return inTransaction(trx ?? ctx.db, async (db) => {
    const o = await open(ctx, db, slug, userId, input.action.endsWith('essence') ? 'essence' : 'moderate');
    const post = await readablePost(db, o, postId, true);
    const reason = input.reason?.trim() || null;
    if (input.action === 'hide' && !reason) throw Invalid('reason', 'say why the post is hidden');
    const at = ctx.clock.now().toISOString();
    const patch: store.PostPatch = { updatedAt: at };
    const flag = (v: boolean) => (v ? 1 : 0);
    switch (input.action) {
      case 'essence':
      case 'unessence':
        if (post.essence === flag(input.action === 'essence')) return { ok: true };
        patch.essence = flag(input.action === 'essence');
        break;
      case 'pin':
      case 'unpin':
        if (post.pinned === flag(input.action === 'pin')) return { ok: true };
        patch.pinned = flag(input.action === 'pin');
        break;
      case 'lock':
      case 'unlock':
        if (post.locked === flag(input.action === 'lock')) return { ok: true };
        patch.locked = flag(input.action === 'lock');
        break;
      case 'hide':
      case 'unhide':
        if ((post.hiddenAt !== null) === (input.action === 'hide')) return { ok: true };
        patch.hiddenAt = input.action === 'hide' ? at : null;
        patch.hiddenReason = input.action === 'hide' ? reason : null;
        break;
    }
    await store.updatePost(db, o.community.id, post.id, patch);
    await recordDecision(db, o.community.id, { action: `content.${input.action}`, decidedBy: o.me, subjectId: post.authorId, reason, data: { postId: post.id }, at });
    if (input.action === 'essence' || input.action === 'pin') {
      await appendEvent(db, o.community.id, { kind: 'content.pinned', at, actorId: o.me, targetId: post.authorId, objectType: post.kind, objectId: post.id, data: { mark: input.action } });
    }
    if (input.action === 'essence' && post.authorId !== o.me) {
      await notify(ctx, db, { communityId: o.community.id, userId: post.authorId, kind: 'content.essence', data: { postId: post.id, title: noticeTitle(post), by: await nameOf(db, o.me) } });
    }
    return { ok: true };
  });
}

export async function getContentSettings(ctx: AppContext, slug: string, userId: string | null) {
  const o = await open(ctx, ctx.db.kysely, slug, userId);
  return { settings: o.settings, canChange: canDo(o.access, 'settings', o.settings) };
}

export async function updateContentSettings(ctx: AppContext, slug: string, userId: string | null, patch: Partial<ContentSettings>, trx?: Q) {
  return inTransaction(trx ?? ctx.db, async (db) => {
    const o = await open(ctx, db, slug, userId, 'settings');
    const settings = mergeSettings(o.settings, patch);
    const at = ctx.clock.now().toISOString();
    await store.saveSettings(db, o.community.id, settings, o.me, at);
    await recordDecision(db, o.community.id, { action: 'content.settings', decidedBy: o.me, data: { ...settings }, at });
    return { settings, canChange: true };
  });
}

// ── reading ─────────────────────────────────────────────────────────────────

export interface FeedInput {
  sort?: FeedSort;
  kind?: PostKind;
  tag?: string;
  essence?: boolean;
  /** Open questions past the community's promise (the core's view). */
  overdue?: boolean;
  bookmarked?: boolean;
  cursor?: string;
  limit?: number;
}

export async function getFeed(ctx: AppContext, slug: string, userId: string | null, q: FeedInput = {}) {
  const db = ctx.db.kysely;
  const o = await open(ctx, db, slug, userId);
  const limit = q.limit ?? 20;
  const permissions = { canSeeOverdue: reaches(o.access.role, 'core') };
  if (q.bookmarked) return { posts: await summaries(ctx, db, o, await store.bookmarksOf(db, o.community.id, o.access, limit)), pinned: [], nextCursor: null, permissions };
  if (q.overdue && !permissions.canSeeOverdue) throw Forbidden('overdue questions are the core’s list');
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  if (q.cursor && !after) throw Invalid('cursor', 'not a cursor this feed gave');
  const sort = q.sort ?? 'new';
  const filtered = !!(q.kind || q.tag || q.essence || q.overdue);
  const rows = await store.feed(db, o.community.id, o.access, {
    sort,
    kind: q.overdue ? 'question' : q.kind,
    tag: q.tag,
    essence: q.essence,
    openBefore: q.overdue ? overdueBefore(ctx.clock.now().getTime(), o.settings.answerPromiseHours) : undefined,
    // Pinned posts stand apart above the unfiltered feed; a filtered list shows everything that matches.
    pinned: filtered ? undefined : false,
    after: after ?? undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const pinnedRows = !filtered && !after ? await store.feed(db, o.community.id, o.access, { sort: 'new', pinned: true, limit: 10 }) : [];
  return {
    posts: await summaries(ctx, db, o, page),
    pinned: await summaries(ctx, db, o, pinnedRows),
    nextCursor: rows.length > limit && last ? encodeCursor(sort === 'active' ? last.lastActivityAt : last.createdAt, last.id) : null,
    permissions,
  };
}

export async function getPost(ctx: AppContext, slug: string, userId: string | null, postId: string) {
  const db = ctx.db.kysely;
  const o = await open(ctx, db, slug, userId);
  const post = await readablePost(db, o, postId);
  const [summary] = await summaries(ctx, db, o, [post]);
  const counts = await store.reactionsOf(db, post.id, o.me);
  return {
    post: {
      ...summary!,
      html: post.html,
      hiddenReason: post.hiddenReason,
      reactions: reactionSet(counts, ''),
      bookmarked: await store.bookmarked(db, o.me, post.id),
    },
    can: {
      reply: !post.locked || canDo(o.access, 'moderate', o.settings),
      accept: post.kind === 'question' && post.authorId === o.me,
      essence: canDo(o.access, 'essence', o.settings),
      moderate: canDo(o.access, 'moderate', o.settings),
    },
  };
}

export const REPLIES_MAX = 1000;

export async function getReplies(ctx: AppContext, slug: string, userId: string | null, postId: string) {
  const db = ctx.db.kysely;
  const o = await open(ctx, db, slug, userId);
  const post = await readablePost(db, o, postId);
  const rows = await store.repliesOf(db, o.community.id, post.id, REPLIES_MAX);
  const people = await names(db, rows.flatMap((r) => [r.authorId, r.replyToUserId]));
  const counts = await store.reactionsOf(db, post.id, o.me);
  return { replies: thread(rows.map((r) => replyView(r, people, counts))) };
}

/** Markdown as the post page will show it (the composer's live preview). */
export async function preview(ctx: AppContext, slug: string, userId: string | null, body: string) {
  await open(ctx, ctx.db.kysely, slug, userId);
  return { html: renderMarkdown(body) };
}

export async function searchContent(ctx: AppContext, slug: string, userId: string | null, text: string, limit = 30) {
  const db = ctx.db.kysely;
  const o = await open(ctx, db, slug, userId);
  const rows = await store.searchReadable(db, o.community.id, o.access, text, limit * 3);
  // One result per post: the best-ranked document of it (the post itself or a reply).
  const seen = new Set<string>();
  const best = rows.filter((r) => !seen.has(r.post.id) && seen.add(r.post.id)).slice(0, limit);
  const posts = await summaries(ctx, db, o, best.map((r) => r.post));
  return { results: posts.map((p, i) => ({ ...p, matchedReplyId: best[i]!.docId.startsWith('r:') ? best[i]!.docId.slice(2) : null })) };
}

/** The public page's teasers: title and the teaser text the author wrote — never the body. */
export async function publicTeasers(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const o = await openCommunity(db, { slug }, userId, 'anyone');
  const rows = await store.teasers(db, o.community.id);
  return { teasers: rows.map((r) => ({ id: r.id, title: r.title, teaser: r.teaser!, author: { id: r.authorId, displayName: r.displayName }, createdAt: r.createdAt })) };
}
