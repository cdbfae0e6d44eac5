/** The activity log's 详情 column: each event kind's details in words, through the real catalogue. */
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_KINDS, type EventKind } from '../../../../src/kernel/activity/taxonomy.js';
import { LANGS } from '../../../../src/kernel/i18n.js';
import { translators } from '../../app/i18n-testing.js';
import { eventDetail } from './eventDetail.js';

let t: Record<(typeof LANGS)[number], TFunction>;
beforeAll(async () => {
  t = await translators();
});

const inactive = { key: 'reason.inactive_last', params: { silent: 60, days: 60, since: '2026-09-30' } };

/** What each kind carries when it carries something (docs/events.md). */
const SAMPLES: Record<EventKind, Record<string, unknown> | null> = {
  'community.created': { slug: 'beikao', name: '北考 MBA', type: 'persona' },
  'community.charter_updated': { fields: ['norms', 'capacity'] },
  'member.applied': { via: 'referral' },
  'member.approved': { via: 'zhihu' },
  'member.rejected': { reason: 'not applying this year', via: 'direct' },
  'member.joined': { role: 'member', via: 'invite' },
  'member.left': { reason: 'moving abroad' },
  'member.removed': { reason: 'pruning:inactive', rule: 'inactive', why: inactive },
  'member.banned': { reason: 'spam' },
  'member.readmitted': { reason: 'appeal granted' },
  'member.role_changed': { from: 'member', to: 'core' },
  'member.warned': { rule: 'no_introduction', deadline: '2026-12-08T03:00:00.000Z' },
  'member.introduced': { fields: ['city', 'job', 'offer'] },
  'content.posted': { origin: 'original', textLength: 120, title: 'Interview notes' },
  'content.replied': { origin: 'forwarded', quote: true },
  'content.mentioned': null,
  'content.reacted': { reaction: '👍' },
  'content.pinned': null,
  'content.accepted': null,
  'activity.checked_in': { program: '晨读' },
  'activity.attended': { title: 'Mock interview night' },
  'system.other': { text: 'group renamed' },
};

describe('event details in words', () => {
  it('a role change and a removal by a rule read as the operator would say them', () => {
    expect(eventDetail(t['zh-Hans'], { kind: 'member.role_changed', data: { from: 'member', to: 'core' } })).toBe('角色：成员 → 骨干');
    expect(eventDetail(t['zh-Hans'], { kind: 'member.removed', data: SAMPLES['member.removed'] })).toBe('移出：已有 60 天没有发言、回复、打卡或参加活动（最近一次：2026-09-30；规则：60 天）。');
    expect(eventDetail(t.en, { kind: 'member.removed', data: SAMPLES['member.removed'] })).toMatch(/^Removed: No posts, replies, check-ins or attended events for 60 days/);
    // Removals stored before the event carried the rule's reason still name the rule.
    expect(eventDetail(t['zh-Hant'], { kind: 'member.removed', data: { reason: 'pruning:no_introduction' } })).toBe('移出：清理規則「入群 N 天仍未寫自我介紹」');
    expect(eventDetail(t['zh-Hans'], { kind: 'member.joined', data: { role: 'member', via: 'invite' } })).toBe('以成员身份加入，途径：邀请');
    expect(eventDetail(t.en, { kind: 'content.posted', data: { origin: 'forwarded', textLength: 12 } })).toBe('forwarded · 12 characters');
    // An application's "direct" channel is the apply page reached directly, not an admin adding someone.
    expect(eventDetail(t['zh-Hans'], { kind: 'member.applied', data: { via: 'direct' } })).toBe('渠道：直接申请');
    expect(eventDetail(t['zh-Hans'], { kind: 'member.joined', data: { role: 'member', via: 'direct' } })).toBe('以成员身份加入，途径：管理员直接添加');
  });

  it('every kind that carries data says something, in all three languages, with no raw key left', () => {
    const bad: string[] = [];
    for (const lang of LANGS) {
      for (const kind of EVENT_KINDS) {
        const text = eventDetail(t[lang], { kind, data: SAMPLES[kind] });
        if (SAMPLES[kind] === null ? text !== null : !text || /communities-ui:|pruning:|\{\{/.test(text)) bad.push(`${lang} ${kind}: ${text}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('an event without data has no details rather than an empty phrase', () => {
    for (const kind of EVENT_KINDS) expect(eventDetail(t['zh-Hans'], { kind, data: null }), kind).toBeNull();
  });
});
