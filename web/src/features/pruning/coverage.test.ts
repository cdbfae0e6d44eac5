/** The dry run's sentence about what it counts, through a real i18next and the real catalogue. */
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARTICIPATION_KINDS } from '../../../../src/features/communities/coverage.js';
import { LANGS } from '../../../../src/kernel/i18n.js';
import { translators } from '../../app/i18n-testing.js';
import { coverageText, type CoverageView } from './coverage.js';

let t: Record<(typeof LANGS)[number], TFunction>;
beforeAll(async () => {
  t = await translators();
});

const counts = [...PARTICIPATION_KINDS];
const shequn = { kind: 'shequn' as const, carrier: 'shequn', label: 'Shequn', from: '2026-11-20T09:00:00.000Z', to: null };
const wechat = { kind: 'import' as const, carrier: 'wechat', label: '微信群', from: '2026-01-03T00:00:00.000Z', to: '2026-11-30T15:00:00.000Z' };

describe('what the inactivity rule counts, in words', () => {
  it('Shequn alone: says it counts only Shequn and that chat talk is not seen', () => {
    const c: CoverageView = { sources: [shequn], coveredSince: shequn.from, counts };
    expect(coverageText(t['zh-Hans'], 'zh-Hans', c)).toBe(
      '只统计 Shequn 内的发言、回复、表情回应、打卡、参加活动、自我介绍；Shequn 自 2026年11月20日 起有记录；没有导入或连接任何群聊，群聊里的发言这里看不到；沉默天数最早从 2026年11月20日 算起。',
    );
    expect(coverageText(t.en, 'en', c)).toBe(
      'Counts only what happens in Shequn: posts, replies, reactions, check-ins, events attended, self-introductions; Shequn has recorded since November 20, 2026; no chat is imported or connected, so talk in a chat group is not seen here; silence is counted from November 20, 2026 at the earliest.',
    );
  });

  it('with a WeChat import: names the chat and how far its history reaches, in all three languages', () => {
    const c: CoverageView = { sources: [shequn, wechat], coveredSince: wechat.from, counts };
    expect(coverageText(t['zh-Hans'], 'zh-Hans', c)).toContain('微信群记录已导入至 2026年11月30日（自 2026年1月3日 起）');
    expect(coverageText(t['zh-Hant'], 'zh-Hant', c)).toContain('微信群記錄已匯入至 2026年11月30日');
    expect(coverageText(t.en, 'en', c)).toContain('微信群 history imported up to November 30, 2026');
    for (const lang of LANGS) expect(coverageText(t[lang], lang, c)).not.toMatch(/pruning-ui:|\{\{/);
  });

  it('nothing covers today: says nobody can be judged', () => {
    expect(coverageText(t['zh-Hant'], 'zh-Hant', { sources: [], coveredSince: null, counts })).toBe('目前沒有任何活動來源涵蓋今天，無法判斷誰不活躍。');
  });
});
