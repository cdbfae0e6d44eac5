/**
 * Helpers shared by the importers: the link/forward rule, time conversion and
 * the shape of the events every importer emits. Pure, no I/O.
 */
import type { ContentOrigin, MediaKind } from '../../kernel/activity/taxonomy.js';
import type { ChatEvent } from '../types.js';

const URL_RE = /\bhttps?:\/\/[^\s<>"'“”‘’（）()\]]+|\bwww\.[a-z0-9-]+\.[^\s<>"'“”（）()\]]+/gi;
// Punctuation, symbols and whitespace do not count as the sharer's own words.
const NON_WORD_RE = /[\s\p{P}\p{S}]/gu;

/**
 * A post is a shared public link ('link') when it carries at least one URL and
 * the sharer added fewer than LINK_OWN_TEXT_MAX characters of their own
 * (letters/digits/CJK, after removing the URLs, punctuation and emoji).
 * 20 characters is about one Chinese sentence or four English words: enough to
 * tell "推荐 https://…" (a share) from a comment that happens to cite a source.
 */
export const LINK_OWN_TEXT_MAX = 20;

/**
 * An id as the export wrote it, as text: a number (0 included) or a non-empty
 * string; undefined only when the field is absent or empty. Truthiness is not a
 * test for an id: `0` and `"0"` are ids like any other.
 */
export function idText(raw: unknown): string | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : undefined;
  if (typeof raw === 'bigint') return String(raw);
  if (typeof raw === 'string') return raw.trim() === '' ? undefined : raw;
  return undefined;
}

export function findLinks(text: string): string[] {
  return text.match(URL_RE) ?? [];
}

export function ownTextLength(text: string, links: readonly string[] = findLinks(text)): number {
  let rest = text;
  for (const l of links) rest = rest.split(l).join(' ');
  return [...rest.replace(NON_WORD_RE, '')].length;
}

export function originOf(text: string, links: readonly string[], forwarded: boolean): ContentOrigin {
  if (forwarded) return 'forwarded';
  if (links.length > 0 && ownTextLength(text, links) < LINK_OWN_TEXT_MAX) return 'link';
  return 'original';
}

let cachedDay = NaN;
let cachedDayPrefix = '';
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * Epoch seconds or milliseconds to ISO UTC. Whole seconds take a fast path
 * (the date part is cached per day): Date#toISOString was a tenth of the
 * Telegram import time.
 */
export function isoFromEpoch(value: number): string {
  if (value < 1e11 && Number.isInteger(value) && value >= 0) {
    const day = Math.floor(value / 86400);
    if (day !== cachedDay) {
      cachedDay = day;
      cachedDayPrefix = new Date(day * 86400000).toISOString().slice(0, 11);
    }
    const r = value - day * 86400;
    const h = Math.floor(r / 3600);
    const m = Math.floor((r % 3600) / 60);
    return `${cachedDayPrefix}${pad2(h)}:${pad2(m)}:${pad2(r % 60)}.000Z`;
  }
  return new Date(value < 1e11 ? value * 1000 : value).toISOString();
}

/**
 * Wall-clock date/time parts with no zone (WhatsApp, QQ, WeChat text exports)
 * become ISO strings as if they were UTC: the offset is unknown, and weekly
 * buckets and reply latencies do not depend on it.
 */
export function isoFromParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | undefined {
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(t);
  if (Number.isNaN(t) || date.getUTCDate() !== d || date.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 60) return undefined;
  return date.toISOString();
}

/** A stable member id made from a display name, when a format has no ids. */
export function idFromName(prefix: string, name: string): string {
  return `${prefix}:${name.normalize('NFC').trim()}`;
}

export interface MessageInput {
  at: string;
  actorId: string;
  actorName?: string;
  messageId?: string;
  text: string;
  /** Links not visible in the text (e.g. Telegram text_link hrefs). */
  hiddenLinks?: string[];
  forwardedFrom?: string;
  /** Forces the origin when the format says what it is (e.g. a WeChat link card). */
  origin?: ContentOrigin;
  media?: MediaKind;
  /** The replied-to or quoted member (already resolved), with the message id. */
  replyTo?: { authorId?: string; authorName?: string; messageId?: string; quote?: boolean };
  mentions?: { id: string; name?: string }[];
  extra?: Record<string, unknown>;
}

/**
 * The events of one message: content.posted or content.replied, then one
 * content.mentioned per distinct mentioned member (not the author).
 */
export function messageEvents(m: MessageInput): ChatEvent[] {
  const visible = findLinks(m.text);
  const links = m.hiddenLinks && m.hiddenLinks.length > 0 ? [...new Set([...visible, ...m.hiddenLinks])] : visible;
  const replyTarget = m.replyTo?.authorId;
  const data: ChatEvent['data'] = {
    origin: m.origin ?? originOf(m.text, visible.length > 0 ? visible : links, m.forwardedFrom !== undefined),
    text: m.text,
    textLength: m.text.length,
  };
  if (links.length > 0) data.links = links;
  if (m.forwardedFrom !== undefined) data.forwardedFrom = m.forwardedFrom;
  if (m.media) data.media = m.media;
  if (m.replyTo?.messageId !== undefined) data.replyToObjectId = m.replyTo.messageId;
  if (m.replyTo?.quote) data.quote = true;
  if (m.extra) Object.assign(data, m.extra);
  const main: ChatEvent = {
    kind: replyTarget !== undefined ? 'content.replied' : 'content.posted',
    at: m.at,
    actorId: m.actorId,
    objectType: 'message',
    objectId: m.messageId ?? null,
    data,
  };
  if (m.actorName !== undefined) main.actorName = m.actorName;
  if (replyTarget !== undefined) {
    main.targetId = replyTarget;
    if (m.replyTo?.authorName !== undefined) main.targetName = m.replyTo.authorName;
  }
  const out = [main];
  if (m.mentions) {
    const seen = new Set<string>([m.actorId]);
    for (const who of m.mentions) {
      if (seen.has(who.id)) continue;
      seen.add(who.id);
      const ev: ChatEvent = {
        kind: 'content.mentioned',
        at: m.at,
        actorId: m.actorId,
        targetId: who.id,
        objectType: 'message',
        objectId: m.messageId ?? null,
      };
      if (m.actorName !== undefined) ev.actorName = m.actorName;
      if (who.name !== undefined) ev.targetName = who.name;
      out.push(ev);
    }
  }
  return out;
}

/**
 * A membership event. `targetId` is always the member whose membership changed;
 * `actorId` is who made it happen (the member themselves for a self-join/leave).
 */
export function membershipEvent(
  kind: 'member.joined' | 'member.left' | 'member.removed',
  at: string,
  member: { id: string; name?: string },
  actor: { id: string; name?: string } = member,
  data?: Record<string, unknown>,
): ChatEvent {
  const ev: ChatEvent = { kind, at, actorId: actor.id, targetId: member.id, objectType: 'membership', objectId: null };
  if (actor.name !== undefined) ev.actorName = actor.name;
  if (member.name !== undefined) ev.targetName = member.name;
  if (data) ev.data = data;
  return ev;
}

export function reactionEvent(
  at: string,
  reactor: { id: string; name?: string },
  author: { id: string; name?: string } | undefined,
  messageId: string | undefined,
  emoji: string,
): ChatEvent {
  const ev: ChatEvent = {
    kind: 'content.reacted',
    at,
    actorId: reactor.id,
    targetId: author?.id ?? null,
    objectType: 'message',
    objectId: messageId ?? null,
    data: { emoji },
  };
  if (reactor.name !== undefined) ev.actorName = reactor.name;
  if (author?.name !== undefined) ev.targetName = author.name;
  return ev;
}

export function systemEvent(at: string, actor: { id: string; name?: string } | null, data: Record<string, unknown>): ChatEvent {
  const ev: ChatEvent = { kind: 'system.other', at, actorId: actor?.id ?? null, objectType: 'system', objectId: null, data };
  if (actor?.name !== undefined) ev.actorName = actor.name;
  return ev;
}

export function pinEvent(
  at: string,
  actor: { id: string; name?: string } | null,
  messageId: string | undefined,
  authorId: string | undefined,
): ChatEvent {
  const ev: ChatEvent = {
    kind: 'content.pinned',
    at,
    actorId: actor?.id ?? null,
    targetId: authorId ?? null,
    objectType: 'message',
    objectId: messageId ?? null,
  };
  if (actor?.name !== undefined) ev.actorName = actor.name;
  return ev;
}

/**
 * The string value of the first `"key": "…"` after `after` (a regex) in the head
 * of a JSON export, decoded; null when it is not there (or cut off by the head).
 */
export function jsonStringIn(head: string, key: string, after?: RegExp): string | null {
  let from = 0;
  if (after) {
    const m = after.exec(head);
    if (!m) return null;
    from = m.index + m[0].length;
  }
  const re = new RegExp(`"${key}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*")`, 'g');
  re.lastIndex = from;
  const m = re.exec(head);
  if (!m) return null;
  try {
    const value = JSON.parse(m[1]!) as string;
    return value.trim() || null;
  } catch {
    return null;
  }
}
