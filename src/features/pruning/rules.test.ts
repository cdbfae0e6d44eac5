import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_RULES,
  appealDeadline,
  canAppeal,
  decideSweep,
  defaultSettings,
  inactiveRule,
  mergeSettings,
  noIntroductionRule,
  reportedRule,
  settingsProblem,
  summarize,
  tierLapsedRule,
  type MemberBasics,
  type OpenWarning,
  type PruningSettings,
} from './rules.js';

const NOW = new Date('2026-03-01T00:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const member = (userId: string, joinedDaysAgo = 100, role: MemberBasics['role'] = 'member'): MemberBasics => ({ userId, role, joinedAt: daysAgo(joinedDaysAgo) });

function settings(patch: Partial<PruningSettings> = {}, rules: Record<string, { enabled: boolean; threshold: number }> = {}): PruningSettings {
  const s = defaultSettings(BUILT_IN_RULES);
  return { ...s, ...patch, rules: { ...s.rules, ...rules } };
}

describe('built-in rules', () => {
  it('inactive: silence counts from the latest of the last activity, joining and the start of coverage', () => {
    const covered = (lastDays: number | null, coverDays = 365) => ({ lastActiveAt: lastDays === null ? null : daysAgo(lastDays), coveredSince: daysAgo(coverDays) });
    expect(inactiveRule.evaluate(member('a', 100), covered(10), 30, NOW).failing).toBe(false);
    expect(inactiveRule.evaluate(member('a', 20), covered(null), 30, NOW).failing).toBe(false);
    // The member's own figures: silent 54 days against a threshold of 14, and where the count starts.
    expect(inactiveRule.evaluate(member('a', 100), covered(54), 14, NOW)).toMatchObject({
      failing: true,
      reason: { key: 'reason.inactive_last', params: { silent: 54, days: 14, since: daysAgo(54).slice(0, 10) } },
    });
    expect(inactiveRule.evaluate(member('a', 40), covered(null), 30, NOW)).toMatchObject({ reason: { key: 'reason.inactive_joined', params: { silent: 40, days: 30 } } });
    // Joined 100 days ago, last seen 90 days ago in an old import, but unbroken coverage only for the last 20 days.
    expect(inactiveRule.evaluate(member('a', 100), covered(90, 20), 30, NOW).failing).toBe(false);
    expect(inactiveRule.evaluate(member('a', 100), covered(90, 35), 30, NOW)).toMatchObject({ reason: { key: 'reason.inactive_coverage', params: { silent: 35, days: 30 } } });
    // Nothing covers today: nobody could have been seen, nobody fails.
    expect(inactiveRule.evaluate(member('a', 100), { lastActiveAt: null, coveredSince: null }, 30, NOW).failing).toBe(false);
  });

  it('no introduction: only after the deadline, and never once introduced', () => {
    expect(noIntroductionRule.evaluate(member('a', 3), undefined, 7, NOW).failing).toBe(false);
    expect(noIntroductionRule.evaluate(member('a', 8), { introducedAt: null }, 7, NOW).failing).toBe(true);
    expect(noIntroductionRule.evaluate(member('a', 8), { introducedAt: daysAgo(1) }, 7, NOW).failing).toBe(false);
  });

  it('tier lapsed: members without a paid tier never fail; tolerance in days', () => {
    expect(tierLapsedRule.evaluate(member('a'), { expiresAt: null }, 0, NOW).failing).toBe(false);
    expect(tierLapsedRule.evaluate(member('a'), { expiresAt: daysAgo(-5) }, 0, NOW).failing).toBe(false);
    expect(tierLapsedRule.evaluate(member('a'), { expiresAt: daysAgo(2) }, 0, NOW).failing).toBe(true);
    expect(tierLapsedRule.evaluate(member('a'), { expiresAt: daysAgo(2) }, 3, NOW).failing).toBe(false);
  });

  it('reported: fails at the number of upheld reports', () => {
    expect(reportedRule.evaluate(member('a'), { upheld: 1 }, 2, NOW).failing).toBe(false);
    expect(reportedRule.evaluate(member('a'), { upheld: 2 }, 2, NOW).failing).toBe(true);
  });
});

describe('the sweep', () => {
  const rules = BUILT_IN_RULES;
  const inactiveOn = { inactive: { enabled: true, threshold: 30 } };
  const facts = (last: Record<string, number | null>) => ({
    inactive: new Map(Object.entries(last).map(([u, d]) => [u, { lastActiveAt: d === null ? null : daysAgo(d), coveredSince: daysAgo(365) }])),
  });

  it('warns a failing member with the deadline now + grace and what would keep them', () => {
    const out = decideSweep({ now: NOW, settings: settings({ graceDays: 7 }, inactiveOn), rules, members: [member('a'), member('b')], facts: facts({ a: 45, b: 2 }), warnings: [] });
    expect(out).toEqual([
      { kind: 'warn', userId: 'a', ruleId: 'inactive', deadline: '2026-03-08T00:00:00.000Z', reason: { key: 'reason.inactive_last', params: { silent: 45, days: 30, since: daysAgo(45).slice(0, 10) } }, keep: { key: 'keep.inactive' } },
    ]);
  });

  it('does nothing for rules that are switched off', () => {
    expect(decideSweep({ now: NOW, settings: settings(), rules, members: [member('a')], facts: facts({ a: 400 }), warnings: [] })).toEqual([]);
  });

  it('waits during the grace period, then removes (auto) or sends to review', () => {
    const w: OpenWarning = { id: 'w1', userId: 'a', ruleId: 'inactive', deadline: daysAgo(-1), state: 'open' };
    const base = { now: NOW, rules, members: [member('a')], facts: facts({ a: 45 }) };
    expect(decideSweep({ ...base, settings: settings({ mode: 'auto' }, inactiveOn), warnings: [w] })).toEqual([]);
    const passed = { ...w, deadline: daysAgo(0) };
    expect(decideSweep({ ...base, settings: settings({ mode: 'auto' }, inactiveOn), warnings: [passed] })).toMatchObject([{ kind: 'remove', userId: 'a', warningId: 'w1' }]);
    expect(decideSweep({ ...base, settings: settings({ mode: 'review' }, inactiveOn), warnings: [passed] })).toMatchObject([{ kind: 'review', userId: 'a', warningId: 'w1' }]);
    // Already waiting for the admins: the sweep does not queue it twice.
    expect(decideSweep({ ...base, settings: settings({ mode: 'review' }, inactiveOn), warnings: [{ ...passed, state: 'review' }] })).toEqual([]);
  });

  it('clears a warned member who recovered, even after the deadline', () => {
    const w: OpenWarning = { id: 'w1', userId: 'a', ruleId: 'inactive', deadline: daysAgo(1), state: 'open' };
    expect(decideSweep({ now: NOW, settings: settings({ mode: 'auto' }, inactiveOn), rules, members: [member('a')], facts: facts({ a: 0 }), warnings: [w] })).toEqual([
      { kind: 'clear', userId: 'a', ruleId: 'inactive', warningId: 'w1' },
    ]);
  });

  it('spares owners and admins always, core members when configured, and clears their old warnings', () => {
    const members = [member('o', 100, 'owner'), member('ad', 100, 'admin'), member('c', 100, 'core')];
    const f = facts({ o: null, ad: null, c: null });
    expect(decideSweep({ now: NOW, settings: settings({ exemptCore: true }, inactiveOn), rules, members, facts: f, warnings: [] })).toEqual([]);
    expect(decideSweep({ now: NOW, settings: settings({ exemptCore: false }, inactiveOn), rules, members, facts: f, warnings: [] }).map((d) => d.userId)).toEqual(['c']);
    const w: OpenWarning = { id: 'w', userId: 'ad', ruleId: 'inactive', deadline: daysAgo(1), state: 'open' };
    expect(decideSweep({ now: NOW, settings: settings({}, inactiveOn), rules, members, facts: f, warnings: [w] })).toMatchObject([{ kind: 'clear', userId: 'ad' }]);
  });

  it('removes a member once even when two rules passed their deadlines', () => {
    const both = { ...inactiveOn, no_introduction: { enabled: true, threshold: 7 } };
    const warnings: OpenWarning[] = [
      { id: 'w1', userId: 'a', ruleId: 'inactive', deadline: daysAgo(2), state: 'open' },
      { id: 'w2', userId: 'a', ruleId: 'no_introduction', deadline: daysAgo(1), state: 'open' },
    ];
    const out = decideSweep({ now: NOW, settings: settings({ mode: 'auto' }, both), rules, members: [member('a')], facts: { ...facts({ a: 90 }), no_introduction: new Map() }, warnings });
    expect(out.filter((d) => d.kind === 'remove')).toHaveLength(1);
  });

  it('dry run of a rule not yet switched on shows who it would warn', () => {
    const out = decideSweep({ now: NOW, settings: settings(), rules, members: [member('a'), member('b', 2)], facts: { no_introduction: new Map() }, warnings: [], alsoRules: ['no_introduction'] });
    expect(summarize(out)).toEqual({ no_introduction: { warn: 1, clear: 0, remove: 0, review: 0 } });
  });
});

describe('settings', () => {
  it('are off by default and keep stored choices over new defaults', () => {
    const s = mergeSettings(BUILT_IN_RULES, { graceDays: 3, rules: { inactive: { enabled: true, threshold: 45 }, gone: { enabled: true, threshold: 1 } } });
    expect(s.graceDays).toBe(3);
    expect(s.rules.inactive).toEqual({ enabled: true, threshold: 45 });
    expect(s.rules.no_introduction!.enabled).toBe(false);
    expect('gone' in s.rules).toBe(false);
  });

  it('name the field that is out of range', () => {
    expect(settingsProblem(BUILT_IN_RULES, settings({}, { inactive: { enabled: true, threshold: 0 } }))?.field).toBe('rules.inactive.threshold');
    expect(settingsProblem(BUILT_IN_RULES, settings({ graceDays: 200 }))?.field).toBe('graceDays');
    expect(settingsProblem(BUILT_IN_RULES, settings({}, { nope: { enabled: true, threshold: 1 } }))?.field).toBe('rules.nope');
    expect(settingsProblem(BUILT_IN_RULES, settings())).toBeNull();
  });
});

describe('appeals', () => {
  it('are open for the window after removal and closed after it', () => {
    expect(canAppeal(daysAgo(13), 14, NOW)).toBe(true);
    expect(canAppeal(daysAgo(15), 14, NOW)).toBe(false);
    expect(canAppeal(null, 14, NOW)).toBe(false);
  });
});

describe('thresholds at their exact value', () => {
  it('inactive: a member whose last activity is exactly N days ago is inactive; a minute later than that is not', () => {
    expect(inactiveRule.evaluate(member('a', 100), { lastActiveAt: daysAgo(30) }, 30, NOW).failing).toBe(true);
    const justInside = new Date(NOW.getTime() - 30 * 86_400_000 + 60_000).toISOString();
    expect(inactiveRule.evaluate(member('a', 100), { lastActiveAt: justInside }, 30, NOW).failing).toBe(false);
  });

  it('no introduction: exactly N days after joining fails', () => {
    expect(noIntroductionRule.evaluate(member('a', 7), undefined, 7, NOW)).toEqual({
      failing: true, reason: { key: 'reason.no_introduction', params: { days: 7 } }, keep: { key: 'keep.no_introduction' },
    });
  });

  it('tier lapsed: fails exactly N days after expiry, says when it expired; no tier fact at all never fails', () => {
    expect(tierLapsedRule.evaluate(member('a'), { expiresAt: daysAgo(3) }, 3, NOW)).toEqual({
      failing: true, reason: { key: 'reason.tier_lapsed', params: { expired: daysAgo(3).slice(0, 10) } }, keep: { key: 'keep.tier_lapsed' },
    });
    expect(tierLapsedRule.evaluate(member('a'), undefined, 0, NOW).failing).toBe(false);
  });

  it('reported: says how many reports were upheld; none known means none', () => {
    expect(reportedRule.evaluate(member('a'), { upheld: 3 }, 2, NOW)).toEqual({ failing: true, reason: { key: 'reason.reported', params: { count: 3 } }, keep: { key: 'keep.reported' } });
    expect(reportedRule.evaluate(member('a'), undefined, 1, NOW).failing).toBe(false);
  });
});

describe('the rules as settings show them', () => {
  it('are the four documented rules with their units, defaults and limits', () => {
    expect(BUILT_IN_RULES.map(({ id, unit, defaultThreshold, min, max }) => ({ id, unit, defaultThreshold, min, max }))).toEqual([
      { id: 'inactive', unit: 'days', defaultThreshold: 60, min: 1, max: 3650 },
      { id: 'no_introduction', unit: 'days', defaultThreshold: 7, min: 1, max: 365 },
      { id: 'tier_lapsed', unit: 'days', defaultThreshold: 0, min: 0, max: 365 },
      { id: 'reported', unit: 'count', defaultThreshold: 2, min: 1, max: 100 },
    ]);
  });

  it('start switched off, with a week of grace, review by an admin, two weeks to appeal and core members spared', () => {
    expect(defaultSettings(BUILT_IN_RULES)).toEqual({
      rules: { inactive: { enabled: false, threshold: 60 }, no_introduction: { enabled: false, threshold: 7 }, tier_lapsed: { enabled: false, threshold: 0 }, reported: { enabled: false, threshold: 2 } },
      graceDays: 7, mode: 'review', appealWindowDays: 14, exemptCore: true,
    });
    expect(mergeSettings(BUILT_IN_RULES, null)).toEqual(defaultSettings(BUILT_IN_RULES));
  });

  it('keep every stored choice, including "no grace", automatic removal, no appeal window and core not spared', () => {
    const s = mergeSettings(BUILT_IN_RULES, { graceDays: 0, mode: 'auto', appealWindowDays: 0, exemptCore: false, rules: { reported: { enabled: true, threshold: 5 } } });
    expect(s).toMatchObject({ graceDays: 0, mode: 'auto', appealWindowDays: 0, exemptCore: false });
    expect(s.rules.reported).toEqual({ enabled: true, threshold: 5 });
    expect(mergeSettings(BUILT_IN_RULES, { rules: { inactive: { threshold: 90 } as never } }).rules.inactive).toEqual({ enabled: false, threshold: 90 });
    expect(mergeSettings(BUILT_IN_RULES, { appealWindowDays: 30 }).appealWindowDays).toBe(30);
    // Whatever is not stored keeps its default.
    expect(mergeSettings(BUILT_IN_RULES, { graceDays: 3 })).toMatchObject({ graceDays: 3, mode: 'review', appealWindowDays: 14, exemptCore: true });
  });

  it.each([
    ['graceDays 0 (remove at the next sweep)', { graceDays: 0 }, null],
    ['graceDays 90', { graceDays: 90 }, null],
    ['graceDays 91', { graceDays: 91 }, 'graceDays'],
    ['graceDays -1', { graceDays: -1 }, 'graceDays'],
    ['graceDays 1.5', { graceDays: 1.5 }, 'graceDays'],
    ['appealWindowDays 0', { appealWindowDays: 0 }, null],
    ['appealWindowDays 365', { appealWindowDays: 365 }, null],
    ['appealWindowDays 366', { appealWindowDays: 366 }, 'appealWindowDays'],
    ['appealWindowDays -1', { appealWindowDays: -1 }, 'appealWindowDays'],
    ['appealWindowDays 2.5', { appealWindowDays: 2.5 }, 'appealWindowDays'],
  ] as [string, Partial<PruningSettings>, string | null][])('%s → %s', (_, patch, field) => {
    expect(settingsProblem(BUILT_IN_RULES, settings(patch))?.field ?? null).toBe(field);
  });

  it('say the range of a rule threshold, accepting its limits', () => {
    expect(settingsProblem(BUILT_IN_RULES, settings({}, { inactive: { enabled: true, threshold: 3650 } }))).toBeNull();
    expect(settingsProblem(BUILT_IN_RULES, settings({}, { inactive: { enabled: true, threshold: 1 } }))).toBeNull();
    expect(settingsProblem(BUILT_IN_RULES, settings({}, { inactive: { enabled: true, threshold: 3651 } }))).toEqual({ field: 'rules.inactive.threshold', message: 'must be a whole number from 1 to 3650' });
    expect(settingsProblem(BUILT_IN_RULES, settings({}, { reported: { enabled: true, threshold: 1.5 } }))?.field).toBe('rules.reported.threshold');
    expect(settingsProblem(BUILT_IN_RULES, settings({}, { nope: { enabled: true, threshold: 1 } }))).toEqual({ field: 'rules.nope', message: 'no such pruning rule' });
    expect(settingsProblem(BUILT_IN_RULES, settings({ graceDays: 91 }))?.message).toBe('must be a whole number from 0 to 90');
    expect(settingsProblem(BUILT_IN_RULES, settings({ appealWindowDays: 366 }))?.message).toBe('must be a whole number from 0 to 365');
  });
});

describe('the sweep with missing settings or facts', () => {
  const rules = BUILT_IN_RULES;
  it('a rule with no stored setting is off, and a dry run of it uses its default threshold', () => {
    const s = settings();
    delete (s.rules as Record<string, unknown>).inactive;
    const members = [member('a', 59), member('b', 61)];
    expect(decideSweep({ now: NOW, settings: s, rules, members, facts: {}, warnings: [] })).toEqual([]);
    // No facts loaded for the rule: the join date stands in for the last activity.
    expect(decideSweep({ now: NOW, settings: s, rules, members, facts: {}, warnings: [], alsoRules: ['inactive'] }).map((d) => d.userId)).toEqual(['b']);
  });
});

describe('appeal window', () => {
  it('is still open at the last moment of the window, and the deadline says when', () => {
    expect(canAppeal(daysAgo(14), 14, NOW)).toBe(true);
    expect(canAppeal(new Date(NOW.getTime() - 14 * 86_400_000 - 1).toISOString(), 14, NOW)).toBe(false);
    expect(appealDeadline('2026-03-01T00:00:00.000Z', 14)).toBe('2026-03-15T00:00:00.000Z');
  });
});
