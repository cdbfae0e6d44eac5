/** Rows → API shapes. Decides no permissions: the use cases pass what the viewer may do. */
import { excerpt } from './markdown.js';
import { isOverdue, type ContentSettings } from './rules.js';
import type { PostRow, ReactionCount, ReplyRow } from './store.js';

export interface Person {
  id: string;
  displayName: string;
}

export type Names = Map<string, { displayName: string }>;
const person = (names: Names, id: string | null): Person | null => (id ? { id, displayName: names.get(id)?.displayName ?? '?' } : null);

export function postSummary(p: PostRow, names: Names, tags: string[], settings: ContentSettings, nowMs: number) {
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    excerpt: excerpt(p.body),
    author: person(names, p.authorId)!,
    visibility: p.visibility,
    tierId: p.tierId,
    tags,
    origin: p.origin,
    essence: p.essence === 1,
    pinned: p.pinned === 1,
    locked: p.locked === 1,
    hidden: p.hiddenAt !== null,
    teaser: p.teaser,
    replyCount: p.replyCount,
    createdAt: p.createdAt,
    lastActivityAt: p.lastActivityAt,
    question:
      p.kind === 'question'
        ? {
            askedTo: p.askedTo ?? 'core',
            askedUser: person(names, p.askedUserId),
            state: p.questionState ?? 'open',
            acceptedReplyId: p.acceptedReplyId,
            overdue: isOverdue(p, nowMs, settings.answerPromiseHours),
          }
        : null,
  };
}
export type PostSummary = ReturnType<typeof postSummary>;

export function reactionSet(counts: ReactionCount[], replyId: string) {
  return counts.filter((c) => c.replyId === replyId).map(({ reaction, count, mine }) => ({ reaction, count, mine }));
}

export function replyView(r: ReplyRow, names: Names, counts: ReactionCount[]) {
  return {
    id: r.id,
    parentId: r.parentId,
    author: person(names, r.authorId)!,
    replyTo: person(names, r.replyToUserId),
    html: r.html,
    createdAt: r.createdAt,
    reactions: reactionSet(counts, r.id),
  };
}
export type ReplyView = ReturnType<typeof replyView>;

/** Replies as a thread one level deep: top-level replies, each with the replies under it. */
export function thread(replies: ReplyView[]): (ReplyView & { children: ReplyView[] })[] {
  const top = replies.filter((r) => !r.parentId).map((r) => ({ ...r, children: [] as ReplyView[] }));
  const byId = new Map(top.map((r) => [r.id, r]));
  for (const r of replies) if (r.parentId) byId.get(r.parentId)?.children.push(r);
  return top;
}
