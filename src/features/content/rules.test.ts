/** The content feature's pure rules and policy, as written-out tables. */
import { describe, expect, it } from 'vitest';
import { canDo, canRead, type Access } from './policy.js';
import {
  decodeCursor,
  DEFAULT_CONTENT_SETTINGS,
  encodeCursor,
  isOverdue,
  mentionedNames,
  normalizeTags,
  originOf,
  stateAfterReply,
  visibilityProblem,
} from './rules.js';
import { belowDuties, dutyStatus, fulfilment, qualifiesForCore, weeklyStats, DEFAULT_THRESHOLDS, type SupplyEvent } from './supply.js';
import type { Role } from '../communities/rules.js';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const H = 3_600_000;
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('what a post is', () => {
  it.each([
    ['https://www.gsm.pku.edu.cn/admission/2019.html', 'link'],
    ['转发：https://yz.chsi.com.cn/notice', 'link'],
    ['**官方通知** https://example.com/a https://example.com/b', 'link'],
    ['今年提前面试的变化有三点：名额增加、材料更早截止、面试加了小组讨论，我建议先写个人陈述。https://example.com', 'original'],
    ['没有链接的短帖', 'original'],
  ])('%s → %s', (body, origin) => expect(originOf(null, body)).toBe(origin));

  it('finds @names, tags and visibility problems', () => {
    expect(mentionedNames('@李蕾 看这里，@周凯-光华MBA2017级 也看看；邮箱 a@b.com 不算')).toEqual(['李蕾', '周凯-光华MBA2017级']);
    expect(normalizeTags([' #面试', '面试', '##真题 ', ''])).toEqual(['面试', '真题']);
    expect(visibilityProblem('tier', null)).not.toBeNull();
    expect(visibilityProblem('members', 't1')).not.toBeNull();
    expect(visibilityProblem('tier', 't1')).toBeNull();
  });

  it('keyset cursors round-trip and refuse anything else', () => {
    expect(decodeCursor(encodeCursor('2026-11-20T12:00:00.000Z', '01abc'))).toEqual({ at: '2026-11-20T12:00:00.000Z', id: '01abc' });
    expect(decodeCursor('nonsense')).toBeNull();
    expect(decodeCursor("2026-11-20T12:00:00.000Z_x' OR 1=1")).toBeNull();
  });
});

describe('questions', () => {
  const q = (askedTo: 'core' | 'member', askedUserId: string | null = null) => ({ questionState: 'open' as const, askedTo, askedUserId, authorId: 'asker' });
  it.each([
    ['the named core member', q('member', 'c1'), { userId: 'c1', role: 'core' as Role }, 'answered'],
    ['another core member, when one was named', q('member', 'c1'), { userId: 'c2', role: 'core' as Role }, 'open'],
    ['any core member, when the core was asked', q('core'), { userId: 'c2', role: 'core' as Role }, 'answered'],
    ['an admin, when the core was asked', q('core'), { userId: 'a', role: 'admin' as Role }, 'answered'],
    ['a member', q('core'), { userId: 'm', role: 'member' as Role }, 'open'],
    ['the asker', q('core'), { userId: 'asker', role: 'core' as Role }, 'open'],
  ])('a reply by %s', (_, question, replier, state) => expect(stateAfterReply(question, replier)).toBe(state));

  it('is overdue only while open and past the promise', () => {
    expect(isOverdue({ questionState: 'open', createdAt: ago(49 * H) }, NOW, 48)).toBe(true);
    expect(isOverdue({ questionState: 'open', createdAt: ago(47 * H) }, NOW, 48)).toBe(false);
    expect(isOverdue({ questionState: 'answered', createdAt: ago(100 * H) }, NOW, 48)).toBe(false);
  });
});

describe('who reads what (policy)', () => {
  const post = (visibility: 'members' | 'core' | 'tier', extra: Partial<{ authorId: string; tierId: string | null; hiddenAt: string | null }> = {}) => ({
    authorId: 'author', visibility, tierId: visibility === 'tier' ? 't1' : null, hiddenAt: null, ...extra,
  });
  const a = (role: Role, tiers: string[] = [], userId = 'me'): Access => ({ userId, role, tiers });
  it.each([
    ['member', a('member'), post('members'), true],
    ['member', a('member'), post('core'), false],
    ['member', a('member'), post('tier'), false],
    ['member with the tier', a('member', ['t1']), post('tier'), true],
    ['member with another tier', a('member', ['t2']), post('tier'), false],
    ['core', a('core'), post('core'), true],
    ['core', a('core'), post('tier'), false],
    ['admin', a('admin'), post('tier'), true],
    ['member', a('member'), post('members', { hiddenAt: '2026-01-01' }), false],
    ['the author', a('member', [], 'author'), post('core', { hiddenAt: '2026-01-01' }), true],
    ['owner', a('owner'), post('core', { hiddenAt: '2026-01-01' }), true],
  ])('%s → %s', (_, access, p, may) => expect(canRead(access, p)).toBe(may));

  it('settings decide who posts, asks and marks 精华; staff moderate; the owner sets', () => {
    const s = { ...DEFAULT_CONTENT_SETTINGS, post: 'core' as Role, essence: 'core' as Role };
    expect(canDo(a('member'), 'post', s)).toBe(false);
    expect(canDo(a('core'), 'post', s)).toBe(true);
    expect(canDo(a('member'), 'ask', s)).toBe(true);
    expect(canDo(a('core'), 'essence', s)).toBe(true);
    expect(canDo(a('core'), 'moderate', s)).toBe(false);
    expect(canDo(a('admin'), 'settings', s)).toBe(false);
    expect(canDo(a('owner'), 'settings', s)).toBe(true);
  });
});

describe('supply', () => {
  const ev = (kind: string, actorId: string, targetId: string | null, hoursAgo: number, data: Record<string, unknown> | null = null, objectType = 'post'): SupplyEvent => ({
    kind, actorId, targetId, objectType, at: ago(hoursAgo * H), data,
  });
  const events = [
    ev('content.posted', 'c', null, 1, { origin: 'original' }),
    ev('content.posted', 'c', null, 2, { origin: 'link' }),
    ev('content.posted', 'm', null, 3, null, 'question'),
    ev('content.posted', 'c', null, 24 * 8, { origin: 'original' }),
    ev('content.replied', 'm', 'c', 4, { answer: false }),
    ev('content.replied', 'c', 'm', 5, { answer: true }),
    ev('content.accepted', 'm', 'c', 6),
    ev('content.pinned', 'a', 'c', 7, { mark: 'essence' }),
    ev('content.pinned', 'a', 'c', 7, { mark: 'pin' }),
    ev('content.posted', 'c', null, 24 * 40, { origin: 'original' }), // outside the window
  ];

  it('counts each kind of supply in its week', () => {
    const s = weeklyStats(events, NOW, 4).get('c')!;
    expect(s[3]).toEqual({ originalPosts: 1, shared: 1, replies: 1, answers: 1, accepted: 1, essence: 1, repliesReceived: 1 });
    expect(s[2]!.originalPosts).toBe(1);
    expect(s[0]!.originalPosts + s[1]!.originalPosts).toBe(0);
  });

  it('duty status, fulfilment, the buffer and suggestions', () => {
    const weeks = weeklyStats(events, NOW, 4).get('c')!;
    expect(dutyStatus({ id: 'd', userId: null, kind: 'original_posts', target: 2, period: 'week' }, weeks, [], NOW)).toEqual({ done: 1, required: 2, met: false });
    expect(dutyStatus({ id: 'd', userId: null, kind: 'original_posts', target: 2, period: 'month' }, weeks, [], NOW)).toEqual({ done: 2, required: 2, met: true });
    const asked = [
      { askedUserId: 'c', createdAt: ago(60 * H), answeredAt: ago(30 * H) }, // in time
      { askedUserId: 'c', createdAt: ago(60 * H), answeredAt: null }, // late, still open
      { askedUserId: 'c', createdAt: ago(10 * H), answeredAt: null }, // still within 48 h: not counted
    ];
    expect(dutyStatus({ id: 'd', userId: 'c', kind: 'answer_within', target: 48, period: 'week' }, weeks, asked, NOW)).toEqual({ done: 1, required: 2, met: false });
    const ratio = fulfilment([{ id: 'd', userId: null, kind: 'original_posts', target: 1, period: 'week' }], weeks);
    expect(ratio).toBe(0.5);
    expect(belowDuties(ratio, DEFAULT_THRESHOLDS)).toBe(true);
    expect(belowDuties(0.9, DEFAULT_THRESHOLDS)).toBe(false);
    expect(qualifiesForCore({ originalPosts: 4, shared: 0, replies: 0, answers: 0, accepted: 1, essence: 1, repliesReceived: 8 }, DEFAULT_THRESHOLDS)).toBe(true);
    expect(qualifiesForCore({ originalPosts: 40, shared: 0, replies: 99, answers: 0, accepted: 0, essence: 0, repliesReceived: 99 }, DEFAULT_THRESHOLDS)).toBe(false);
  });
});
