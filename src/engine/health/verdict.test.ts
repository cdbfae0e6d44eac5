/**
 * The verdict's classification, threshold by threshold (docs/metrics.md
 * §Verdict › Classification): each row puts one metric on each side of a named
 * threshold, from a hand-made group that is otherwise a plain community.
 */
import { describe, expect, it } from 'vitest';
import { verdictInput, week, weeks, type Knobs } from './testing/verdictInput.js';
import { decide, T } from './verdict.js';

const kindOf = (k: Knobs): string => decide(verdictInput(k)).kind;
const reasonsOf = (k: Knobs): string[] => decide(verdictInput(k)).reasons;

/** Members who do not talk to each other (mesh under every "members talk" bar). */
const noMesh: Knobs = { meshIndex: 0.1, meshPerMessage: 0.001 };

describe('the baseline group', () => {
  it('is a community: a supplying core and members who talk', () => {
    const v = decide(verdictInput());
    expect(v.kind).toBe('community');
    expect(v.reasons.slice(0, 2)).toEqual(['core_supplies', 'members_talk']);
  });
});

describe('rule 1, declining', () => {
  it.each([
    ['recentToPeak ≤ 0.35 (declineRecentToPeak): at the threshold', { recentToPeak: 0.35 }, 'declining'],
    ['recentToPeak ≤ 0.35 (declineRecentToPeak): just above', { recentToPeak: 0.36 }, 'community'],
    ['with half the core stopped, recentToPeak ≤ 0.6 (declineWithCoreGone): at the threshold', { recentToPeak: 0.6, coreSize: 4, absences: [null, null] }, 'declining'],
    ['with half the core stopped, recentToPeak ≤ 0.6 (declineWithCoreGone): just above', { recentToPeak: 0.61, coreSize: 4, absences: [null, null] }, 'community'],
    ['"half the core stopped" means at least half: 1 of 3 is not', { recentToPeak: 0.5, coreSize: 3, absences: [null] }, 'community'],
    ['"half the core stopped" means at least half: 2 of 3 is', { recentToPeak: 0.5, coreSize: 3, absences: [null, null] }, 'declining'],
    ['without a core nobody can have stopped', { recentToPeak: 0.5, coreSize: 0, absences: [] }, 'chatter'],
    ['recentToPeak unknown (log under 8 weeks of data) never declines', { recentToPeak: null }, 'community'],
  ] as [string, Knobs, string][])('%s', (_, knobs, kind) => {
    expect(kindOf(knobs)).toBe(kind);
  });

  it('names the stopped core among the reasons only when the core stopped', () => {
    expect(reasonsOf({ recentToPeak: 0.2, coreSize: 4, absences: [null, null] }).slice(0, 2)).toEqual(['activity_fell', 'core_stopped']);
    expect(reasonsOf({ recentToPeak: 0.2 })).toEqual(['activity_fell']);
  });

  it.each([
    ['a log of 8 weeks (≥ 8 weeks) can decline', weeks(8, 50), 'declining'],
    ['a log of 7 weeks cannot', weeks(7, 50), 'community'],
    ['busiest 4 weeks with 40 messages besides greetings (declinePeakMessages) was alive', [week(40), ...weeks(7, 0)], 'declining'],
    ['busiest 4 weeks with 39 was never alive', [week(39), ...weeks(7, 0)], 'silent'],
    ['greetings do not count towards the peak', [week(45, 10, 6), ...weeks(7, 0)], 'silent'],
    ['the peak is 4 consecutive weeks, not two busy weeks 4 apart', [week(20), ...weeks(3, 0), week(20), ...weeks(3, 0)], 'silent'],
    ['four consecutive busy weeks add up', [...weeks(4, 10), ...weeks(4, 0)], 'declining'],
  ] as const)('%s', (_, weekly, kind) => {
    // Messages in total stay high enough for the broadcast and silent rules not to depend on the series.
    expect(kindOf({ weekly: [...weekly], recentToPeak: 0.1, silentShare: 0.9 })).toBe(kind);
  });
});

describe('rule 2, broadcast: a few post most', () => {
  it.each([
    ['top share ≥ 0.6 (broadcastTopShare) with members not talking: at the threshold', { ...noMesh, topPostersShare: 0.6 }, true],
    ['top share ≥ 0.6 (broadcastTopShare): just below', { ...noMesh, topPostersShare: 0.59 }, false],
    ['top share 0.6 while members talk is not enough', { topPostersShare: 0.6 }, false],
    ['top share ≥ 0.75 (broadcastTopShareAlone) whatever the mesh: at the threshold', { topPostersShare: 0.75 }, true],
    ['top share ≥ 0.75 (broadcastTopShareAlone): just below', { topPostersShare: 0.74 }, false],
    ['top share 0.6 and no interaction at all (mesh null)', { topPostersShare: 0.6, meshIndex: null, meshPerMessage: null }, true],
    ['top share 0.6, mesh 0.3 but only stray member links (meshPerMessage < 0.01)', { topPostersShare: 0.6, meshIndex: 0.3, meshPerMessage: 0.009 }, true],
    ['no top share known counts as none', { ...noMesh, topPostersShare: null }, false],
  ] as [string, Knobs, boolean][])('%s', (_, knobs, broadcast) => {
    const v = decide(verdictInput(knobs));
    expect(v.kind === 'broadcast' && v.reasons.includes('few_post_most')).toBe(broadcast);
  });

  it('says whether members talk little, not at all, or never interact', () => {
    expect(reasonsOf({ topPostersShare: 0.8 }).slice(0, 2)).toEqual(['few_post_most', 'members_talk_little']);
    expect(reasonsOf({ ...noMesh, topPostersShare: 0.8 }).slice(0, 2)).toEqual(['few_post_most', 'members_do_not_talk']);
    expect(reasonsOf({ topPostersShare: 0.8, meshIndex: null, meshPerMessage: null }).slice(0, 2)).toEqual(['few_post_most', 'no_interaction']);
  });

  // top weekly = top share × messages / weeks; 0.8 × 50 / 8 = 5 exactly.
  it.each([
    ['the few posters post ≥ 5 a week (broadcastMinWeekly): at the threshold', 50, 'broadcast'],
    ['the few posters post ≥ 5 a week (broadcastMinWeekly): just below, an owner posting now and then into a silent group', 49, 'silent'],
  ] as const)('%s', (_, messages, kind) => {
    expect(kindOf({ ...noMesh, weekly: weeks(8, 6, 2), messages, topPostersShare: 0.8, silentShare: 0.7 })).toBe(kind);
  });

  it('a log without weeks has no weekly posting', () => {
    expect(kindOf({ ...noMesh, weekly: [], messages: 50, topPostersShare: 0.9, silentShare: 0.7 })).toBe('silent');
  });
});

describe('rule 3, broadcast: a star', () => {
  it.each([
    ['centralization ≥ 0.75 (starCentralization) with members not talking: at the threshold', { ...noMesh, centralization: 0.75 }, true],
    ['centralization ≥ 0.75 (starCentralization): just below', { ...noMesh, centralization: 0.74 }, false],
    ['a star in which members also talk is no broadcast', { centralization: 0.9 }, false],
    ['a star whose centre posts under 5 a week (broadcastMinWeekly) is no broadcast', { ...noMesh, centralization: 0.9, weekly: weeks(8, 6, 2), messages: 100, topPostersShare: 0.39 }, false],
    ['centralization unknown (fewer than 3 members) is no star', { ...noMesh, centralization: null }, false],
    // top weekly = 0.5 × 80 / 8 = 5: exactly the broadcastMinWeekly of the star rule.
    ['a star whose centre posts exactly 5 a week is a broadcast', { ...noMesh, centralization: 0.9, weekly: weeks(8, 10), messages: 80, topPostersShare: 0.5 }, true],
  ] as [string, Knobs, boolean][])('%s', (_, knobs, star) => {
    expect(reasonsOf(knobs).includes('star_structure')).toBe(star);
  });
});

describe('rule 4, silent: most members never speak and there is no living conversation', () => {
  it.each([
    ['silentShare ≥ 0.8 (silentShare) and 2 speakers a week: at the threshold', { silentShare: 0.8, weekly: weeks(12, 50, 2) }, 'silent'],
    ['silentShare ≥ 0.8 (silentShare): just below, members still talk', { silentShare: 0.79, weekly: weeks(12, 50, 2) }, 'community'],
    ['fewer than 3 speakers in the median week (silentWeeklySpeakers): 3 is a conversation', { silentShare: 0.9, weekly: weeks(12, 50, 3) }, 'community'],
    ['fewer than 10 messages besides greetings in the median week (silentWeeklyTalk): 9', { silentShare: 0.9, weekly: weeks(12, 9) }, 'silent'],
    ['fewer than 10 messages besides greetings in the median week (silentWeeklyTalk): 10 is a conversation', { silentShare: 0.9, weekly: weeks(12, 10) }, 'community'],
    ['greetings are not conversation: 15 messages of which 6 greetings', { silentShare: 0.9, weekly: weeks(12, 15, 10, 6) }, 'silent'],
    ['silentShare unknown counts as all silent', { silentShare: null, weekly: weeks(12, 9) }, 'silent'],
  ] as [string, Knobs, string][])('%s', (_, knobs, kind) => {
    expect(kindOf({ ...knobs, messages: 600 })).toBe(kind);
  });

  it('says most members are silent', () => {
    expect(reasonsOf({ silentShare: 0.9, weekly: weeks(12, 9), messages: 600 })).toEqual(['most_members_silent']);
  });

  it('takes the median week, the upper one of an even count, of the sorted weeks', () => {
    // Sorted speakers 2, 2, 10, 10: the median is 10, a living conversation.
    const alternating = [week(50, 2), week(50, 10), week(50, 2), week(50, 10)];
    expect(kindOf({ silentShare: 0.9, weekly: alternating, messages: 600 })).toBe('community');
    const mostlyQuiet = [week(50, 10), week(50, 2), week(50, 2), week(50, 2)];
    expect(kindOf({ silentShare: 0.9, weekly: mostlyQuiet, messages: 600 })).toBe('silent');
  });
});

describe('rules 5 and 6, community or chatter: members talk', () => {
  it.each([
    ['meshIndex ≥ 0.25 (meshMin): at the threshold', { meshIndex: 0.25 }, 'community'],
    ['meshIndex ≥ 0.25 (meshMin): just below, members do not talk', { meshIndex: 0.24 }, 'broadcast'],
    ['meshPerMessage ≥ 0.01 (meshPerMessageMin): at the threshold', { meshPerMessage: 0.01 }, 'community'],
    ['meshPerMessage ≥ 0.01 (meshPerMessageMin): just below, stray links only', { meshPerMessage: 0.0099 }, 'broadcast'],
    ['mesh unknown: members do not talk', { meshIndex: null }, 'broadcast'],
    ['meshPerMessage unknown: members do not talk', { meshPerMessage: null }, 'broadcast'],
    // coreSupply = mean of (substantialShare 0.2 → 0, continuity 0.2 → 0, no absence → 1, valueRate ramp).
    ['coreSupply ≥ 50 (coreSupplyMin): at the threshold', { coreSubstantialShare: 0.2, coreContinuity: 0.2, coreValueRate: 0.3 }, 'community'],
    ['coreSupply ≥ 50 (coreSupplyMin): 49', { coreSubstantialShare: 0.2, coreContinuity: 0.2, coreValueRate: 0.29 }, 'chatter'],
    ['core valueRate ≥ 0.15 (coreValueRate): at the threshold', { coreValueRate: 0.15 }, 'community'],
    ['core valueRate ≥ 0.15 (coreValueRate): just below, the core chats', { coreValueRate: 0.14 }, 'chatter'],
    ['core valueRate unknown', { coreValueRate: null }, 'chatter'],
    ['no core', { coreSize: 0 }, 'chatter'],
  ] as [string, Knobs, string][])('%s', (_, knobs, kind) => {
    expect(kindOf(knobs)).toBe(kind);
  });

  it('says whether a chatter group has no core or a weak one', () => {
    expect(reasonsOf({ coreSize: 0 }).slice(0, 2)).toEqual(['no_core', 'members_talk']);
    expect(reasonsOf({ coreValueRate: 0.1 }).slice(0, 2)).toEqual(['core_weak', 'members_talk']);
  });
});

describe('rule 7, when nothing else fits', () => {
  it.each([
    ['silentShare ≥ 0.6 (silentShareFallback): at the threshold', { silentShare: 0.6 }, 'silent'],
    ['silentShare ≥ 0.6 (silentShareFallback): just below', { silentShare: 0.59 }, 'broadcast'],
    ['fewer than 5 messages besides greetings in the median week (silentFallbackTalk): 4', { silentShare: 0.5, weekly: weeks(12, 4) }, 'silent'],
    ['fewer than 5 messages besides greetings in the median week (silentFallbackTalk): 5', { silentShare: 0.5, weekly: weeks(12, 5) }, 'broadcast'],
    ['no messages at all', { silentShare: 0.5, messages: 0 }, 'silent'],
    ['messages but no week series: the median week has none', { silentShare: 0.5, weekly: [], messages: 100 }, 'silent'],
    ['silentShare unknown counts as silent', { silentShare: null, weekly: weeks(12, 50, 10) }, 'silent'],
  ] as [string, Knobs, string][])('%s', (_, knobs, kind) => {
    expect(kindOf({ ...noMesh, ...knobs })).toBe(kind);
  });

  it('gives the fallback reasons', () => {
    expect(reasonsOf({ ...noMesh, silentShare: 0.7 })).toEqual(['most_members_silent']);
    expect(reasonsOf({ ...noMesh, silentShare: 0.45 })).toEqual(['members_do_not_talk']);
  });
});

describe('reasons that come with any verdict', () => {
  it.each([
    ['originalShare < 0.6 says mostly forwarded', { originalShare: 0.59 }, 'mostly_forwarded', true],
    ['originalShare 0.6 does not', { originalShare: 0.6 }, 'mostly_forwarded', false],
    ['originalShare unknown does not', { originalShare: null }, 'mostly_forwarded', false],
    ['a spam-like poster says spam present', { spamSuspects: 1 }, 'spam_present', true],
    ['no spam-like poster does not', { spamSuspects: 0 }, 'spam_present', false],
    ['newcomers answered within a day < 0.3 says unanswered', { answeredWithinDayShare: 0.29 }, 'newcomers_unanswered', true],
    ['0.3 does not', { answeredWithinDayShare: 0.3 }, 'newcomers_unanswered', false],
    ['unknown does not', { answeredWithinDayShare: null }, 'newcomers_unanswered', false],
    ['silentShare ≥ 0.5 (silentMajority) says a minority carries the group', { silentShare: 0.5 }, 'silent_majority', true],
    ['silentShare 0.49 does not', { silentShare: 0.49 }, 'silent_majority', false],
    ['silentShare unknown does not', { silentShare: null }, 'silent_majority', false],
    ['a silent group is not told so twice', { silentShare: 0.9, weekly: weeks(12, 9) }, 'silent_majority', false],
  ] as [string, Knobs, string, boolean][])('%s', (_, knobs, reason, present) => {
    expect(reasonsOf(knobs).includes(reason)).toBe(present);
  });
});

describe('the thresholds are the documented ones', () => {
  it('match docs/metrics.md §Verdict', () => {
    expect(T).toMatchObject({
      declineRecentToPeak: 0.35, declineWithCoreGone: 0.6, declinePeakMessages: 40, broadcastTopShare: 0.6, broadcastMeshMax: 0.2,
      broadcastTopShareAlone: 0.75, starCentralization: 0.75, silentShare: 0.8, silentWeeklySpeakers: 3, silentWeeklyTalk: 10,
      silentShareFallback: 0.6, silentFallbackTalk: 5, broadcastMinWeekly: 5, coreValueRate: 0.15, meshMin: 0.25, meshPerMessageMin: 0.01,
      coreSupplyMin: 50, communityFloor: 60, silentMajority: 0.5, participationFull: 0.6, silentMajorityCap: 69,
    });
  });
});
