/**
 * Evidence never contradicts a status: over generated groups of every planted
 * shape (varying seed, size, length, with and without reply links), no value
 * shown with a threshold misses it under a condition called "met" — in the JSON
 * and in the report's condition cards alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../../test/support/property.js';
import { LANGS } from '../../kernel/i18n.js';
import { conditionsSection } from '../report/sections.js';
import type { ChatEvent } from '../types.js';
import { analyze } from './analyzer.js';
import { missesThreshold } from './evidence.js';
import type { DiagnosisResult } from './result.js';
import { generateShape, SHAPES, type ShapeKind } from './testing/shapes.js';

const meta = { format: 'generated', generatedAt: '2024-06-01T00:00:00.000Z' };
const KINDS: ShapeKind[] = [...SHAPES, 'minority'];

function withoutReplies(e: ChatEvent): ChatEvent {
  if (e.kind !== 'content.replied') return e;
  const { replyToObjectId: _, ...data } = e.data ?? {};
  return { ...e, kind: 'content.posted', targetId: null, data };
}

/** Every way a shown number can contradict its card, as readable strings (empty: none). */
function contradictions(r: DiagnosisResult): string[] {
  const out: string[] = [];
  for (const c of r.conditions) {
    if (c.status !== 'met') continue;
    for (const m of c.measured) if (missesThreshold(m)) out.push(`${c.id} met with ${m.metric}=${m.value} (${m.direction} ${m.threshold})`);
  }
  const hygiene = r.conditions.find((c) => c.id === 'hygiene')!;
  if (hygiene.status === 'met' && r.hygiene.pruningCandidatesTotal * 2 > r.activity.members) out.push(`hygiene met with ${r.hygiene.pruningCandidatesTotal} of ${r.activity.members} members to prune`);
  if (r.conditions.some((c) => c.measured.some((m) => m.metric === 'structure.centralization'))) out.push('centralization shown as evidence');
  // The report: no red value inside a card that says "met".
  for (const lang of LANGS) {
    const html = conditionsSection(r, lang);
    for (const card of html.split('<article').slice(1)) if (card.includes('status-met') && card.includes('class="bad"')) out.push(`${lang} report: red value in a met card`);
  }
  return out;
}

/** The headline retention is the table's week +4, pooled over the cohorts it says it covers. */
function retentionMismatch(r: DiagnosisResult): string | null {
  const { retention4w, retentionCohorts: span } = r.activity.newcomers;
  if (retention4w === null) return span.cohorts === 0 ? null : 'cohorts named but no retention';
  const cohorts = r.retention.filter((c) => c.week >= span.first! && c.week <= span.last!);
  const members = cohorts.reduce((s, c) => s + c.size, 0);
  const pooled = cohorts.reduce((s, c) => s + c.size * c.retained[4]!, 0) / members;
  if (members !== span.members || cohorts.length !== span.cohorts) return `covers ${span.cohorts}/${span.members}, table ${cohorts.length}/${members}`;
  return Math.abs(pooled - retention4w) > 0.005 ? `headline ${retention4w} vs table ${pooled}` : null;
}

describe('evidence never contradicts a status', () => {
  it('over every planted shape, whatever its seed, size and length', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...KINDS),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 20, max: 150 }),
        fc.integer({ min: 8, max: 34 }),
        fc.boolean(),
        async (kind, seed, members, weeks, strip) => {
          const events = generateShape(kind, { seed, members, weeks });
          const r = await analyze(strip ? events.map(withoutReplies) : events, meta);
          const where = `${kind} seed ${seed}, ${members} members, ${weeks} weeks${strip ? ', without replies' : ''}`;
          expect(contradictions(r), where).toEqual([]);
          expect(retentionMismatch(r), where).toBeNull();
        },
      ),
      runs(40),
    );
  });

  it('the share of interaction on the most central member separates a star from a community, where centralization did not', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const [star, community] = await Promise.all([analyze(generateShape('broadcast', { seed }), meta), analyze(generateShape('community', { seed }), meta)]);
      expect(star.structure.topMemberShare! - community.structure.topMemberShare!).toBeGreaterThan(0.25);
    }
  });
});

describe('a partial last week', () => {
  it('is marked partial and never read as a decline, whatever day of the week the export stops', async () => {
    const full = generateShape('community', { seed: 7, weeks: 16 });
    // Week 16 starts on day 105 (the log starts on a Monday); cut after 1..6 of its days.
    for (let days = 1; days <= 6; days++) {
      const end = Date.parse('2024-01-01T00:00:00Z') + (105 + days) * 86_400_000;
      const r = await analyze(full.filter((e) => Date.parse(e.at) < end), meta);
      const last = r.weekly[r.weekly.length - 1]!;
      expect(last).toMatchObject({ partial: true, coveredDays: days });
      expect(r.weekly.slice(1, -1).every((w) => !w.partial && w.coveredDays === 7)).toBe(true);
      expect(r.verdict.kind, `cut after ${days} days`).toBe('community');
      expect(r.activity.recentToPeak!, `cut after ${days} days`).toBeGreaterThan(0.6);
    }
  });
});

describe('hygiene', () => {
  it('scores below "met" when most members are pruning candidates, even with no spam', async () => {
    const r = await analyze(generateShape('silent', { seed: 1 }), meta);
    expect(r.hygiene.spamSuspects).toEqual([]);
    expect(r.hygiene.pruningCandidateShare!).toBeGreaterThan(0.5);
    expect(r.verdict.subscores.hygiene!).toBeLessThan(60);
    expect(r.conditions.find((c) => c.id === 'hygiene')!.status).not.toBe('met');
  });
});
