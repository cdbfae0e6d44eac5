import { describe, expect, it } from 'vitest';
import { LANGS } from '../../kernel/i18n.js';
import type { ChatEvent } from '../types.js';
import { analyze, createAnalyzer } from './analyzer.js';
import { MESSAGE_WINDOW } from './collector.js';

const meta = { format: 'test', path: 'x.json', chatName: 'Test', generatedAt: '2024-06-01T00:00:00.000Z' };
const T0 = Date.parse('2024-01-01T09:00:00Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();
let seq = 0;
const post = (actor: string, minutes: number, text = 'some words here', extra: Partial<ChatEvent> = {}): ChatEvent => ({
  kind: 'content.posted', at: at(minutes), actorId: actor, actorName: actor.toUpperCase(), objectId: `o${++seq}`, data: { text }, ...extra,
});
const reply = (actor: string, minutes: number, to: ChatEvent, text = 'an answer'): ChatEvent => ({
  kind: 'content.replied', at: at(minutes), actorId: actor, objectId: `o${++seq}`, data: { text, replyToObjectId: to.objectId! },
});

describe('analyzer edge cases', () => {
  it('an empty stream gives a silent verdict with nothing measured, in all three languages', async () => {
    const r = await analyze([], meta);
    expect(r.verdict.kind).toBe('silent');
    expect(r.source).toMatchObject({ messages: 0, members: 0, events: 0, firstAt: null, weeks: 0 });
    expect(r.structure.meshIndex).toBeNull();
    expect(r.activity.silentShare).toBeNull();
    expect(r.weekly).toEqual([]);
    for (const lang of LANGS) {
      expect(r.verdict.diagnosis[lang].summary).not.toMatch(/health:|\{\{/);
      expect(r.verdict.diagnosis[lang].actions.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('one member talking alone has no interactions and no structure', async () => {
    const r = await analyze([post('solo', 0), post('solo', 5), post('solo', 60 * 24 * 8)], meta);
    expect(r.source).toMatchObject({ messages: 3, members: 1, weeks: 2 });
    expect(r.interactions.method).toBe('none');
    expect(r.structure.centralization).toBeNull();
    expect(r.core.members).toEqual([]);
    expect(r.core.busFactor).toBe(1);
    expect(r.verdict).toMatchObject({ kind: 'not_group', score: null });
  });

  it('members who never interact leave the structure unmeasurable but not the activity', async () => {
    // Messages a day apart: too far for temporal adjacency.
    const events = ['a', 'b', 'c', 'd'].map((m, i) => post(m, i * 60 * 24));
    const r = await analyze(events, meta);
    expect(r.interactions.method).toBe('none');
    expect(r.structure.meshIndex).toBeNull();
    expect(r.activity.speakers).toBe(4);
    expect(r.conditions.find((c) => c.id === 'structure')!.status).toBe('not_measurable');
  });

  it('says shared need is not measurable rather than guessing', async () => {
    const r = await analyze([post('a', 0), post('b', 1), post('c', 2)], meta);
    const need = r.conditions.find((c) => c.id === 'sharedNeed')!;
    expect(need.status).toBe('not_measurable');
    expect(need.score).toBeNull();
    expect(need.text.en).toMatch(/cannot tell/);
    expect(need.text['zh-Hans']).toMatch(/无法判断/);
  });

  it('rejects nothing silently: events with an unreadable time are counted but not analysed', async () => {
    const r = await analyze([post('a', 0), { ...post('b', 1), at: 'yesterday' }], meta);
    expect(r.source.events).toBe(2);
    expect(r.source.messages).toBe(1);
  });
});

describe('interactions', () => {
  it('resolves a reply to its author from the message id and measures time to first reply', async () => {
    const q = post('asker', 0, 'where is the exam this year, does anyone know the building?');
    const r = await analyze([q, reply('helper', 7, q), reply('other', 9, q)], meta);
    expect(r.interactions.method).toBe('explicit');
    expect(r.interactions.counts.replies).toBe(2);
    expect(r.graph.edges.map((e) => [e.source, e.target].sort())).toEqual([['asker', 'helper'], ['asker', 'other']]);
    expect(r.exclusiveValue.original.medianFirstReplySeconds).toBeGreaterThan(7 * 60 * 0.95);
    expect(r.exclusiveValue.original.medianFirstReplySeconds).toBeLessThan(7 * 60 * 1.05);
    expect(r.exclusiveValue.original.answeredShare).toBeCloseTo(1 / 3, 4);
    expect(r.graph.nodes.find((n) => n.id === 'asker')!.name).toBe('ASKER');
  });

  it('falls back to temporal adjacency when a source has no explicit links, with decaying weight', async () => {
    // b answers a after 1 minute, c answers b after 4 minutes, d speaks an hour later (no link).
    const r = await analyze([post('a', 0), post('b', 1), post('c', 5), post('d', 65)], meta);
    expect(r.interactions.method).toBe('temporal');
    expect(r.interactions.counts.temporal).toBe(2);
    expect(r.interactions.temporalWeight).toBeCloseTo(Math.exp(-60 / 120) + Math.exp(-240 / 120), 2);
    expect(r.graph.edges.map((e) => e.source + e.target).sort()).toEqual(['ab']);
  });

  it('uses explicit links only when the source has enough of them', async () => {
    const events: ChatEvent[] = [];
    for (let i = 0; i < 10; i++) {
      const p = post(i % 2 ? 'a' : 'b', i * 2);
      events.push(p, reply(i % 2 ? 'c' : 'd', i * 2 + 1, p));
    }
    const r = await analyze(events, meta);
    expect(r.interactions.method).toBe('explicit');
    expect(r.interactions.temporal.enabled).toBe(false);
    expect(r.interactions.temporalWeight).toBe(0);
  });

  it('counts mentions and reactions as directed interactions, reactions lighter', async () => {
    const p = post('a', 0);
    const r = await analyze(
      [p, { kind: 'content.mentioned', at: at(1), actorId: 'b', targetId: 'a' }, { kind: 'content.reacted', at: at(2), actorId: 'c', objectId: p.objectId! }],
      meta,
    );
    expect(r.interactions.counts).toMatchObject({ mentions: 1, reactions: 1 });
    expect(r.interactions.explicitWeight).toBe(1.5);
    expect(r.exclusiveValue.original.reactionsPerMessage).toBe(1);
  });
});

describe('members and silence', () => {
  it('members who only greeted count as silent and become pruning candidates', async () => {
    const events: ChatEvent[] = [post('old', 0, 'first real message of the group')];
    for (const m of ['n1', 'n2', 'n3']) events.push({ kind: 'member.joined', at: at(10), actorId: m }, post(m, 11, '大家好，新人报到'));
    events.push({ kind: 'member.joined', at: at(12), actorId: 'lurker' });
    events.push(post('old', 60 * 24 * 30, 'a month later'));
    const r = await analyze(events, meta);
    expect(r.activity.members).toBe(5);
    expect(r.activity.greetedThenSilent).toBe(3);
    expect(r.activity.silentShare).toBeCloseTo(4 / 5, 4);
    const reasons = Object.fromEntries(r.hygiene.pruningCandidates.map((p) => [p.id, p.reasons]));
    expect(reasons).toMatchObject({ n1: ['greeted_only'], lurker: ['never_spoke'] });
    expect(r.funnel.map((f) => f.count)).toEqual([5, 4, 1, 0, 1]);
  });

  it('a member answered once is not core ahead of an admin who posts a third of the messages', async () => {
    // Admins a and b post a day apart (no temporal links); x1 and x2 each get one reply. A share of
    // one reply is 50% of all interaction received, but two stray replies must not push b out of the core.
    const day = 60 * 24;
    const events: ChatEvent[] = [];
    for (let i = 0; i < 50; i++) events.push(post('a', i * day, `notice ${i}`));
    for (let i = 0; i < 30; i++) events.push(post('b', i * day + 300, `article ${i}`));
    for (const [m, k] of [['x1', 600], ['x2', 700]] as const) {
      const mine = Array.from({ length: 6 }, (_, i) => post(m, i * 3 * day + k, `thought ${i}`));
      events.push(...mine, reply(m === 'x1' ? 'y' : 'z', 3 * day + k + 1, mine[1]!));
    }
    events.sort((p, q) => p.at.localeCompare(q.at));
    const r = await analyze(events, meta);
    expect(r.core.members.map((m) => m.id).sort()).toEqual(['a', 'b']);
    expect(r.activity.topPostersShare).toBeCloseTo(80 / 94, 3);
  });

  it('flags link floods and repeated ads, and never makes their author core', async () => {
    const events: ChatEvent[] = [];
    for (let i = 0; i < 12; i++) {
      events.push(post('spammer', i * 60 * 24, '加微信 领取免费资料 限时优惠', { data: { text: '加微信 领取免费资料 限时优惠', links: ['https://ad.example'] } }));
      events.push(post('a', i * 60 * 24 + 30, `message number ${i} about the exam schedule`));
    }
    events.push(post('b', 60 * 24 * 12, 'a third member, so this is a group'));
    const r = await analyze(events, meta);
    const s = r.hygiene.spamSuspects.find((x) => x.id === 'spammer')!;
    expect(s.reasons).toEqual(['spam_links', 'spam_repeated']);
    expect(s.repeatedMessages).toBe(11);
    expect(r.core.members.map((m) => m.id)).not.toContain('spammer');
    expect(r.hygiene.pruningCandidates[0]!.id).toBe('spammer');
    expect(r.verdict.reasons).toContain('spam_present');
  });

  it('tracks newcomer first-reply latency and retention', async () => {
    const events: ChatEvent[] = [post('host', 0), post('host', 60 * 24 * 20)];
    const hello = post('newbie', 60 * 24 * 21, 'hello, I am preparing for the exam too and want to learn');
    // Retention is the retention table's week +4: the newbie arrived in week 3 and posts again in week 7.
    events.push(hello, reply('host', 60 * 24 * 21 + 30, hello), post('newbie', 60 * 24 * 49), post('host', 60 * 24 * 60));
    const r = await analyze(events, meta);
    expect(r.activity.newcomers.count).toBe(1);
    expect(r.activity.newcomers.medianFirstReplySeconds).toBe(30 * 60);
    expect(r.activity.newcomers.answeredWithinDayShare).toBe(1);
    expect(r.activity.newcomers.retention4w).toBe(1);
    expect(r.activity.newcomers.retentionCohorts).toEqual({ first: '2024-01-22', last: '2024-01-22', cohorts: 1, members: 1 });
    expect(r.retention.find((c) => c.week === '2024-01-22')!.retained[4]).toBe(1);
  });
});

describe('streaming', () => {
  it('an async stream of events gives the same result as an array', async () => {
    const q = post('a', 0);
    const events = [q, reply('b', 1, q), post('c', 3), post('a', 60 * 24 * 9)];
    async function* stream(): AsyncGenerator<ChatEvent> {
      for (const e of events) yield e;
    }
    expect(await analyze(stream(), meta)).toEqual(await analyze(events, meta));
  });

  it('memory does not grow with messages: the reply window is bounded and pairs are per member pair', () => {
    const a = createAnalyzer();
    const n = MESSAGE_WINDOW + 5_000;
    for (let i = 0; i < n; i++) a.add({ kind: 'content.posted', at: new Date(T0 + i * 1000).toISOString(), actorId: `u${i % 4}`, objectId: `m${i}`, data: { text: 'x' } });
    // A reply to a message that fell out of the window is counted as unresolved, not guessed.
    a.add({ kind: 'content.replied', at: new Date(T0 + n * 1000).toISOString(), actorId: 'u1', objectId: 'late', data: { replyToObjectId: 'm0' } });
    const r = a.finish(meta);
    expect(r.source.messages).toBe(n + 1);
    expect(r.source.unresolvedReplies).toBe(1);
    expect(r.structure.nodes).toBe(4);
    expect(r.graph.totalEdges).toBeLessThanOrEqual(6);
  });
});
