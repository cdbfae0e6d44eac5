import { describe, expect, it } from 'vitest';
import { checkIntro, DEFAULT_INTRO_TEMPLATE, onboardingStatus } from './rules.js';

describe('self-introduction', () => {
  it('accepts the default template filled in (城市/工作/我能提供/我在寻找)', () => {
    const r = checkIntro(DEFAULT_INTRO_TEMPLATE, { city: ' 杭州 ', work: '独立开发', offer: '小程序开发经验', seeking: '设计合伙人' });
    expect(r).toEqual({ ok: true, intro: { city: '杭州', work: '独立开发', offer: '小程序开发经验', seeking: '设计合伙人' } });
  });

  it('names missing, over-long and unknown fields', () => {
    const r = checkIntro(DEFAULT_INTRO_TEMPLATE, { city: '杭'.repeat(61), work: '', offer: 'x', seeking: 'y', age: '30' });
    expect(!r.ok && r.problems.map((p) => p.path).sort()).toEqual(['intro.age', 'intro.city', 'intro.work']);
  });
});

describe('onboarding', () => {
  const joinedAt = '2026-03-01T00:00:00.000Z';
  it('is due N days after joining and overdue after that', () => {
    const s = onboardingStatus({ joinedAt, normsAcceptedAt: null, introducedAt: null, dueDays: 7 }, new Date('2026-03-03T12:00:00Z'));
    expect(s).toMatchObject({ dueAt: '2026-03-08T00:00:00.000Z', daysLeft: 5, overdue: false, done: false });
    expect(onboardingStatus({ joinedAt, normsAcceptedAt: null, introducedAt: null, dueDays: 7 }, new Date('2026-03-09T00:00:00Z')).overdue).toBe(true);
  });

  it('is done once the norms are accepted and the introduction written', () => {
    const s = onboardingStatus({ joinedAt, normsAcceptedAt: joinedAt, introducedAt: '2026-03-20T00:00:00Z', dueDays: 7 }, new Date('2026-03-21T00:00:00Z'));
    expect(s).toMatchObject({ done: true, overdue: false });
  });
});
