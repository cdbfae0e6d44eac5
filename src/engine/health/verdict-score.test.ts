/**
 * What the verdict says beside its kind (docs/metrics.md §Verdict): sub-scores,
 * the 0–100 score with its floor and caps, condition statuses, confidence and
 * the actions offered — each from a small hand-made group.
 */
import { describe, expect, it } from 'vitest';
import { verdictInput, weeks, type Knobs } from './testing/verdictInput.js';
import { CAPS, decide, subscores, T } from './verdict.js';

const sub = (k: Knobs) => subscores(verdictInput(k));
const noMesh: Knobs = { meshIndex: 0.1, meshPerMessage: 0.001 };

describe('sub-scores', () => {
  it('are 100 for a group at every "good" end and follow each ramp in between', () => {
    expect(sub({})).toEqual({ exclusiveValue: 100, coreSupply: 100, structure: 94, familiarity: 100, activity: 100, hygiene: 100 });
    // originalShare 0.5 → 0.9 and answeredShare 0.05 → 0.3: halfway on each.
    expect(sub({ originalShare: 0.7, answeredShare: 0.175 }).exclusiveValue).toBe(50);
    // meanPartners 1 → 5 and strongTieShare 0 → 0.2.
    expect(sub({ meanPartners: 3, strongTieShare: 0 }).familiarity).toBe(25);
  });

  it('leave the reception part out of exclusive value when the source has no replies or reactions', () => {
    expect(sub({ originalShare: 0.9, answeredShare: 0, replies: 0 }).exclusiveValue).toBe(100);
    expect(sub({ originalShare: 0.9, answeredShare: 0, replies: 1 }).exclusiveValue).toBe(50);
    expect(sub({ originalShare: 0.9, answeredShare: 0, replies: 0, reactions: 1 }).exclusiveValue).toBe(50);
  });

  it('score core supply 0 without a core', () => {
    expect(sub({ coreSize: 0 }).coreSupply).toBe(0);
  });

  it('count a core member against core supply when the group lost at least half its activity after they stopped', () => {
    expect(sub({ coreSize: 4, absences: [-0.5] }).coreSupply).toBe(94);
    expect(sub({ coreSize: 4, absences: [-0.49] }).coreSupply).toBe(100);
    expect(sub({ coreSize: 4, absences: [null] }).coreSupply).toBe(100);
  });

  it('leave silence out of activity when it is unknown', () => {
    expect(sub({ silentShare: null, recentToPeak: 0.3, retention4w: 0.1, answeredWithinDayShare: 0.2 }).activity).toBe(0);
    // 1 − silentShare = 0.3, halfway on its 0.1 → 0.5 ramp: 0.5 / 4 parts.
    expect(sub({ silentShare: 0.7, recentToPeak: 0.3, retention4w: 0.1, answeredWithinDayShare: 0.2 }).activity).toBe(13);
  });

  it('rate hygiene by spam-like posters per speaker, and leave it out of a log without messages', () => {
    expect(sub({ spamSuspects: 1, speakers: 20, pruningCandidateShare: null }).hygiene).toBe(50);
    expect(sub({ spamSuspects: 1, speakers: 0, pruningCandidateShare: null }).hygiene).toBe(0);
    expect(sub({ messages: 0 }).hygiene).toBeNull();
  });

  it('rate hygiene down as more members are pruning candidates (pruningCandidateShare 0.6 → 0.2)', () => {
    expect(sub({ pruningCandidateShare: 0.2 }).hygiene).toBe(100);
    expect(sub({ pruningCandidateShare: 0.4 }).hygiene).toBe(75);
    expect(sub({ pruningCandidateShare: 0.6 }).hygiene).toBe(50);
    // Inputs without the share leave it out.
    expect(sub({ pruningCandidateShare: null }).hygiene).toBe(100);
  });

  it('count structure and familiarity in full only when at least 60% of members speak (participationFull)', () => {
    expect(sub({ silentShare: 0.4 })).toMatchObject({ structure: 94, familiarity: 100 });
    // 30% speak: half of the 60% → half the sub-scores.
    expect(sub({ silentShare: 0.7 })).toMatchObject({ structure: 47, familiarity: 50 });
    expect(sub({ silentShare: null })).toMatchObject({ structure: 94, familiarity: 100 });
    expect(sub({ silentShare: 0.7, meanPartners: null, strongTieShare: null }).familiarity).toBeNull();
  });
});

describe('the score', () => {
  it('is the weighted mean of the sub-scores (exclusive value 20, core 25, structure 25, familiarity 10, activity 15, hygiene 5)', () => {
    // All 100 but structure 94 (mesh 0.4 on its 0.1 → 0.5 ramp) and familiarity 0:
    // ((20 + 25 + 15 + 5) × 100 + 25 × 94) / 100 = 88.5 → 89.
    expect(decide(verdictInput({ meanPartners: 1, strongTieShare: 0 })).score).toBe(89);
  });

  it('leaves unknown sub-scores out of the mean', () => {
    // Hygiene unknown (no messages), familiarity 0, structure 94, the rest 100.
    const v = decide(verdictInput({ messages: 0, meanPartners: 1, strongTieShare: 0 }));
    expect(v.subscores.hygiene).toBeNull();
    // ((20 + 25 + 15) × 100 + 25 × 94) / 95 = 87.9 → 88.
    expect(v.score).toBe(88);
  });

  it('is at least 60 for a community (communityFloor), however weak its sub-scores', () => {
    const v = decide(verdictInput({ coreSubstantialShare: 0.2, coreContinuity: 0.2, originalShare: 0.5, answeredShare: 0.05, meanPartners: 1, strongTieShare: 0, silentShare: 0.9, recentToPeak: 0.36, retention4w: 0.1, answeredWithinDayShare: 0.2 }));
    expect(v.kind).toBe('community');
    expect(v.score).toBe(T.communityFloor);
  });

  it('is at most 69 when most members never speak (silentMajority 0.5, silentMajorityCap)', () => {
    const strong: Knobs = { coreSize: 3, recentToPeak: 1 };
    expect(decide(verdictInput({ ...strong, silentShare: 0.49 })).score).toBeGreaterThan(T.silentMajorityCap);
    const v = decide(verdictInput({ ...strong, silentShare: 0.5 }));
    expect(v.kind).toBe('community');
    expect(v.score).toBe(69);
  });

  it.each([
    ['silent', { silentShare: 0.9, weekly: weeks(12, 9) }, CAPS.silent, 29],
    ['broadcast', { topPostersShare: 0.8 }, CAPS.broadcast, 49],
    ['chatter', { coreValueRate: 0.14 }, CAPS.chatter, 59],
    ['declining', { recentToPeak: 0.35 }, CAPS.declining, 59],
  ] as [string, Knobs, number, number][])('is capped for a %s group at its documented cap', (kind, knobs, cap, documented) => {
    const v = decide(verdictInput(knobs));
    expect(v.kind).toBe(kind);
    expect(cap).toBe(documented);
    expect(v.score).toBe(cap);
  });
});

describe('condition statuses', () => {
  // familiarity = mean of meanPartners 1 → 5 and strongTieShare 0 → 0.2.
  it.each([
    ['met at 60', 5, 0.04, 'met'],
    ['weak at 59', 5, 0.036, 'weak'],
    ['weak at 35', 1, 0.14, 'weak'],
    ['unmet at 34', 1, 0.136, 'unmet'],
    ['not measurable when unknown', null, null, 'not_measurable'],
  ] as const)('a condition is %s', (_, meanPartners, strongTieShare, status) => {
    expect(decide(verdictInput({ meanPartners, strongTieShare })).statuses.familiarity).toBe(status);
  });

  it('never call core supply met when the verdict says the core does not supply', () => {
    // coreSupply sub-score 85 (met by number) but valueRate 0.14 < 0.15: the group is chatter.
    const v = decide(verdictInput({ coreValueRate: 0.14 }));
    expect(v.subscores.coreSupply).toBeGreaterThanOrEqual(60);
    expect(v.statuses.coreSupply).toBe('weak');
    expect(decide(verdictInput()).statuses.coreSupply).toBe('met');
    expect(decide(verdictInput({ coreSubstantialShare: 0.2, coreContinuity: 0.2, coreValueRate: 0.1 })).statuses.coreSupply).toBe('unmet');
  });

  it('cannot measure value or core supply in a log without messages; shared need never', () => {
    const v = decide(verdictInput({ messages: 0 }));
    expect(v.statuses).toMatchObject({ sharedNeed: 'not_measurable', exclusiveValue: 'not_measurable', coreSupply: 'not_measurable', hygiene: 'not_measurable', structure: 'met' });
    expect(decide(verdictInput()).statuses).toMatchObject({ exclusiveValue: 'met', activity: 'met', hygiene: 'met', structure: 'met' });
  });
});

describe('confidence', () => {
  it.each([
    ['low under 200 messages', { messages: 199 }, 'low'],
    ['low under 4 weeks', { messages: 5000, weeks: 3 }, 'low'],
    ['low under 10 members', { messages: 5000, members: 9 }, 'low'],
    ['medium at 200 messages', { messages: 200 }, 'medium'],
    ['medium at 4 weeks with many messages', { messages: 5000, weeks: 4 }, 'medium'],
    ['medium at 10 members', { messages: 1999, members: 10 }, 'medium'],
    ['medium under 12 weeks', { messages: 5000, weeks: 11 }, 'medium'],
    ['high at 2000 messages over 12 weeks', { messages: 2000, weeks: 12 }, 'high'],
  ] as [string, Knobs, string][])('%s', (_, knobs, confidence) => {
    expect(decide(verdictInput(knobs)).confidence).toBe(confidence);
  });
});

describe('actions', () => {
  it.each([
    ['broadcast of forwarded posts (< 70% original): stop forwarding first', { topPostersShare: 0.8, originalShare: 0.69 }, ['stopForwarding', 'selfIntroductions', 'rhythmicDiscussions']],
    ['broadcast of original posts: exclusive content first', { topPostersShare: 0.8, originalShare: 0.7 }, ['exclusiveContent', 'selfIntroductions', 'rhythmicDiscussions']],
    ['chatter: appoint a core', { coreSize: 0 }, ['appointCore', 'exclusiveContent', 'gateEntrance']],
    ['chatter with spam: prune first', { coreSize: 0, spamSuspects: 1 }, ['prune', 'appointCore', 'exclusiveContent']],
    ['silent, nothing else known: gate, then themed discussions', { ...noMesh, silentShare: 0.7, answeredWithinDayShare: 0.5 }, ['gateEntrance', 'rhythmicDiscussions']],
    ['silent with 3 greeted then silent (≥ 3 and ≥ 10% of 20 members): self-introductions', { ...noMesh, silentShare: 0.7, greetedThenSilent: 3, members: 20 }, ['gateEntrance', 'selfIntroductions', 'rhythmicDiscussions']],
    ['silent with 5 greeted then silent among 60 members (< 10%): none', { ...noMesh, silentShare: 0.7, greetedThenSilent: 5, members: 60 }, ['gateEntrance', 'rhythmicDiscussions']],
    ['silent with 2 greeted then silent among 10 (< 3): none', { ...noMesh, silentShare: 0.7, greetedThenSilent: 2, members: 10 }, ['gateEntrance', 'rhythmicDiscussions']],
    ['silent with newcomers answered under 50%: welcome them', { ...noMesh, silentShare: 0.7, answeredWithinDayShare: 0.49 }, ['gateEntrance', 'welcomeNewcomers', 'rhythmicDiscussions']],
    ['silent with pruning candidates: prune', { ...noMesh, silentShare: 0.7, pruningCandidates: 1 }, ['gateEntrance', 'prune', 'rhythmicDiscussions']],
    ['declining after core members stopped: revive the core', { recentToPeak: 0.2, coreSize: 4, absences: [null, null] }, ['reviveCore', 'rhythmicDiscussions', 'offlineEvents']],
    ['declining with the core still there: appoint core', { recentToPeak: 0.2 }, ['appointCore', 'rhythmicDiscussions', 'offlineEvents']],
    ['a strong community: offline events and themed discussions', {}, ['offlineEvents', 'rhythmicDiscussions']],
    ['a community with spam and pruning candidates prunes once, first', { spamSuspects: 1, pruningCandidates: 3 }, ['prune', 'offlineEvents', 'rhythmicDiscussions']],
    ['a community with candidates only prunes after offline events', { pruningCandidates: 3 }, ['offlineEvents', 'prune', 'rhythmicDiscussions']],
    ['a community with unanswered newcomers welcomes them', { answeredWithinDayShare: 0.49 }, ['welcomeNewcomers', 'offlineEvents', 'rhythmicDiscussions']],
    ['a community where members barely know each other (familiarity < 50): self-introductions', { meanPartners: 1, strongTieShare: 0.0396 }, ['selfIntroductions', 'offlineEvents', 'rhythmicDiscussions']],
    ['a community at familiarity 50: none', { meanPartners: 1, strongTieShare: 0.2 }, ['offlineEvents', 'rhythmicDiscussions']],
    ['a community whose core supply is under 70: appoint more core', { coreContinuity: 0.2, coreSubstantialShare: 0.4 }, ['appointCore', 'offlineEvents', 'rhythmicDiscussions']],
    // substantialShare 0.36 and continuity 0.42 are each 0.4 along their ramps: (0.4 + 1 + 0.4 + 1) / 4 = 70.
    ['a community whose core supply is 70: no more core needed', { coreContinuity: 0.42, coreSubstantialShare: 0.36 }, ['offlineEvents', 'rhythmicDiscussions']],
    ['at most 3 actions', { spamSuspects: 1, answeredWithinDayShare: 0.1, meanPartners: 1, strongTieShare: 0 }, ['prune', 'welcomeNewcomers', 'selfIntroductions']],
  ] as [string, Knobs, string[]][])('%s', (_, knobs, actions) => {
    expect(decide(verdictInput(knobs)).actions).toEqual(actions);
  });
});
