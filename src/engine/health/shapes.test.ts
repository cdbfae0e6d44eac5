import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../../test/support/property.js';
import type { ChatEvent } from '../types.js';
import { analyze } from './analyzer.js';
import type { DiagnosisResult, VerdictKind } from './result.js';
import { generateShape, SHAPES } from './testing/shapes.js';

const meta = { format: 'generated', generatedAt: '2024-06-01T00:00:00.000Z' };
const run = (kind: VerdictKind, seed: number, strip = false, size: { members?: number; weeks?: number } = {}): Promise<DiagnosisResult> => {
  const events = generateShape(kind, { seed, ...size });
  return analyze(strip ? events.map(withoutReplies) : events, meta);
};
/** The same group as a WhatsApp-like export would show it: no reply links at all. */
function withoutReplies(e: ChatEvent): ChatEvent {
  if (e.kind !== 'content.replied') return e;
  const { replyToObjectId: _, ...data } = e.data ?? {};
  return { ...e, kind: 'content.posted', targetId: null, data };
}

describe('planted shapes get the right verdict', () => {
  it('a star where admins post and members only answer them is a broadcast group', async () => {
    const r = await run('broadcast', 1);
    expect(r.verdict.kind).toBe('broadcast');
    expect(r.structure.centralization).toBeGreaterThan(0.6);
    expect(r.structure.meshIndex).toBeLessThan(0.1);
    expect(r.exclusiveValue.originalShare).toBeLessThan(0.6);
    expect(r.verdict.actions[0]).toBe('stopForwarding');
    expect(r.verdict.score).toBeLessThan(50);
  });

  it('a mesh with no core is a chatter group', async () => {
    const r = await run('chatter', 1);
    expect(r.verdict.kind).toBe('chatter');
    expect(r.structure.meshIndex).toBeGreaterThan(0.8);
    expect(r.structure.centralization).toBeLessThan(0.4);
    expect(r.verdict.actions).toContain('appointCore');
  });

  it('a semi-decentralised group with a supplying core is a community', async () => {
    const r = await run('community', 1);
    expect(r.verdict.kind).toBe('community');
    expect(r.verdict.score).toBeGreaterThanOrEqual(60);
    expect(r.core.members.map((m) => m.id).sort()).toEqual(['core0', 'core1', 'core2', 'core3', 'core4']);
    expect(r.core.continuity).toBeGreaterThan(0.8);
    expect(r.structure.meshIndex).toBeGreaterThan(0.3);
    expect(r.structure.meshIndex).toBeLessThan(0.8);
    expect(r.activity.newcomers.answeredWithinDayShare).toBeGreaterThan(0.8);
    expect(r.coreOutput.counts).toHaveLength(5);
    expect(r.coreOutput.counts[0]).toHaveLength(r.weekly.length);
  });

  it('a group whose core stops is declining, and the report names the core members who stopped', async () => {
    const r = await run('declining', 1);
    expect(r.verdict.kind).toBe('declining');
    expect(r.activity.recentToPeak).toBeLessThan(0.3);
    expect(r.core.absences.length).toBe(5);
    expect(r.core.absences[0]!.change).toBeLessThan(-0.5);
    expect(r.verdict.actions[0]).toBe('reviveCore');
    expect(r.verdict.diagnosis.en.summary).toMatch(/5 core members stopped/);
  });

  it('a group where members greet and fall silent is a silent group', async () => {
    const r = await run('silent', 1);
    expect(r.verdict.kind).toBe('silent');
    expect(r.activity.silentShare).toBeGreaterThan(0.8);
    expect(r.activity.greetedThenSilent).toBeGreaterThan(5);
    expect(r.verdict.score).toBeLessThan(30);
    expect(r.verdict.actions[0]).toBe('gateEntrance');
  });

  it('scores order the shapes: community above chatter and declining, above broadcast, above silent', async () => {
    const score = async (k: VerdictKind): Promise<number> => (await run(k, 2)).verdict.score;
    const [community, chatter, broadcast, silent] = [await score('community'), await score('chatter'), await score('broadcast'), await score('silent')];
    expect(community).toBeGreaterThan(chatter);
    expect(chatter).toBeGreaterThan(broadcast);
    expect(broadcast).toBeGreaterThan(silent);
  });
});

/**
 * Cases the property once got wrong: [seed, without replies, members, weeks]. Each is
 * replayed first on every run (and named below), so a fixed bug stays fixed.
 */
const REGRESSIONS: Partial<Record<VerdictKind, [number, boolean, number, number][]>> = {
  // Two stray temporal links made two members "the ones others answer" and pushed an
  // admin out of the core, so the posters' share fell under 60% (docs/testing.md).
  broadcast: [[15, true, 21, 13]],
};

describe('verdicts do not depend on luck', () => {
  it('a broadcast group read through a WhatsApp-like export (no reply links) is still a broadcast, not silent', async () => {
    const r = await run('broadcast', 15, true, { members: 21, weeks: 13 });
    expect(r.verdict.kind).toBe('broadcast');
    expect(r.core.members.map((m) => m.id).sort()).toEqual(['admin0', 'admin1']);
  });

  for (const kind of SHAPES) {
    it(`every ${kind} group is classified ${kind}, whatever its seed, size and length, with explicit replies and without`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), fc.integer({ min: 20, max: 150 }), fc.integer({ min: 10, max: 34 }), async (seed, strip, members, weeks) => {
          const r = await run(kind, seed, strip, { members, weeks });
          const where = `seed ${seed}, ${members} members, ${weeks} weeks${strip ? ', without replies' : ''}: ${r.verdict.reasons.join(',')}`;
          expect(r.verdict.kind, where).toBe(kind);
          expect(r.verdict.score).toBeGreaterThanOrEqual(0);
          expect(r.verdict.score).toBeLessThanOrEqual(100);
        }),
        runs(25, { examples: REGRESSIONS[kind] ?? [] }),
      );
    });
  }
});

describe('the JSON contract', () => {
  it('has the stable fields with values in range and survives a JSON round trip', async () => {
    const r = await run('community', 3);
    const j = JSON.parse(JSON.stringify(r)) as DiagnosisResult;
    expect(SHAPES).toContain(j.verdict.kind);
    for (const x of [j.structure.meshIndex, j.structure.centralization, j.activity.silentShare]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(j.core.members[0]).toEqual({ ...j.core.members[0], id: expect.any(String), name: expect.any(String) });
    expect(j.source).toMatchObject({ format: 'generated', messages: expect.any(Number), members: expect.any(Number) });
    expect(['explicit', 'temporal', 'mixed', 'none']).toContain(j.interactions.method);
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      expect(j.verdict.diagnosis[lang].actions.length).toBeGreaterThanOrEqual(2);
      for (const c of j.conditions) expect(c.text[lang]).not.toMatch(/health:|\{\{/);
      expect(j.core.methodText[lang]).toMatch(/2.5/);
      expect(j.core.methodText[lang]).not.toMatch(/health:|\{\{/);
    }
    expect(j.conditions.map((c) => c.id)).toEqual(['sharedNeed', 'exclusiveValue', 'coreSupply', 'structure', 'familiarity', 'activity', 'hygiene']);
    expect(j.graph.edges.length).toBeLessThanOrEqual(3000);
    const ids = new Set(j.graph.nodes.map((n) => n.id));
    for (const e of j.graph.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });
});

describe('the silent majority counts', () => {
  const sized = (kind: 'community' | 'minority', seed: number, members: number, weeks: number) => analyze(generateShape(kind, { seed, members, weeks }), meta);

  it('a group carried by a minority is named so and scores clearly below the same group where most members take part', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 30, max: 120 }), fc.integer({ min: 10, max: 30 }), async (seed, members, weeks) => {
        const healthy = await sized('community', seed, members, weeks);
        const minority = await sized('minority', seed, members, weeks);
        const where = `seed ${seed}, ${members} members, ${weeks} weeks: ${minority.verdict.kind} ${minority.verdict.score} (${minority.verdict.reasons.join(',')}) vs ${healthy.verdict.score}`;
        expect(minority.activity.silentShare!, where).toBeGreaterThanOrEqual(0.5);
        expect(minority.verdict.reasons.some((r) => r === 'silent_majority' || r === 'most_members_silent'), where).toBe(true);
        expect(minority.verdict.score!, where).toBeLessThanOrEqual(healthy.verdict.score! - 15);
        expect(healthy.verdict.reasons).not.toContain('silent_majority');
      }),
      runs(20),
    );
  });

  it('the summary says the conversation is carried by a minority, in every language', async () => {
    // Seed 2 is a minority group that still passes as a community on structure alone.
    const r = await sized('minority', 2, 55, 16);
    expect(r.verdict.kind).toBe('community');
    expect(r.verdict.reasons).toContain('silent_majority');
    expect(r.verdict.diagnosis.en.summary).toMatch(/carried by a minority: \d+% of the members/);
    expect(r.verdict.diagnosis['zh-Hans'].summary).toMatch(/只靠少数人/);
    expect(r.verdict.diagnosis['zh-Hant'].summary).toMatch(/只靠少數人/);
  });
});
