import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTelegram, type Shape } from '../../../test/fixtures/chat/report/generate.js';
import { LANGS, t } from '../../kernel/i18n.js';
import { analyze, type DiagnosisResult } from '../health/index.js';
import { generateShape } from '../health/testing/shapes.js';
import { openImport } from '../importers/index.js';
import { formatMetric } from './format.js';
import { renderReport } from './index.js';
import { layoutGraph } from './layout.js';

/** A real result: a generated Telegram export through the real importer and analyzer. */
async function diagnose(shape: Shape): Promise<DiagnosisResult> {
  const file = join(mkdtempSync(join(tmpdir(), 'shequn-report-')), 'result.json');
  writeFileSync(file, JSON.stringify(generateTelegram(shape)));
  const opened = await openImport(file);
  return analyze(opened.events, { format: opened.format, label: opened.label, path: file });
}

function embedded(html: string, id: string): unknown {
  const m = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html);
  if (!m) throw new Error(`no script#${id}`);
  return JSON.parse(m[1]!);
}

let star: DiagnosisResult;
let community: DiagnosisResult;
beforeAll(async () => {
  [star, community] = await Promise.all([diagnose('star'), diagnose('community')]);
});

describe('the HTML report', () => {
  it('explains how core members were chosen in the reader’s language', () => {
    for (const lang of LANGS) {
      const html = renderReport(community, lang);
      expect(community.core.methodText[lang].length).toBeGreaterThan(10);
      expect(html).toContain(t(lang, 'report:tables.coreMethod', { method: community.core.methodText[lang] }).replaceAll('&', '&amp;').replaceAll('<', '&lt;'));
    }
  });

  it('opens with the verdict in the chosen language, before the evidence, charts and tables', () => {
    expect(star.verdict.kind).toBe('broadcast');
    const expected = { 'zh-Hans': '广播群', 'zh-Hant': '廣播群', en: 'Broadcast group' } as const;
    for (const lang of LANGS) {
      const html = renderReport(star, lang);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<h1 class="kind" data-kind="broadcast">${expected[lang]}</h1>`);
      expect(html).toContain(star.verdict.diagnosis[lang].actions[0]!.slice(0, 12));
      const at = (s: string) => html.indexOf(s);
      expect(at('id="verdict"')).toBeGreaterThan(0);
      expect(at('id="verdict"')).toBeLessThan(at('id="conditions"'));
      expect(at('id="conditions"')).toBeLessThan(at('id="chart-weekly"'));
      expect(at('id="chart-retention"')).toBeLessThan(at('id="core"'));
      expect(at('id="core"')).toBeLessThan(at('id="pruning"'));
    }
  });

  it('says a condition is not measurable from a chat log instead of scoring it', () => {
    const html = renderReport(community, 'en');
    const card = /<article class="card status-not_measurable" data-condition="sharedNeed">[\s\S]*?<\/article>/.exec(html);
    expect(card?.[0]).toContain('Not measurable from a chat log');
    expect(card?.[0]).not.toContain('cond-score');
  });

  it('has a container for every chart the issue asks for', () => {
    const html = renderReport(community, 'zh-Hans');
    for (const id of ['weekly', 'network', 'coreOutput', 'funnel', 'retention']) expect(html).toContain(`id="chart-${id}"`);
  });

  it('embeds the result as JSON that reads back unchanged, even when names try to break out of the page', () => {
    const hostile = structuredClone(community);
    hostile.source.chatName = '</script><script>alert(1)</script>';
    hostile.core.members[0]!.name = '<img src=x onerror=alert(1)> \u2028 李\u2029';
    hostile.graph.nodes[0]!.name = '</SCRIPT><!--';
    const html = renderReport(hostile, 'en');
    expect(embedded(html, 'shequn-result')).toEqual(hostile);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('is self-contained: no external script, style, image or font, and a policy that forbids any request', () => {
    const html = renderReport(community, 'en');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    // the markup outside the script bodies (the ECharts source mentions URLs in its own strings)
    const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
    expect(markup).not.toMatch(/<(script|img|link|iframe|object|embed)\b[^>]*\b(src|href|data)\s*=/i);
    expect(markup).not.toMatch(/@import|url\(/i);
    // the ECharts library itself is inside
    expect(html).toContain('echarts');
    expect(html.length).toBeGreaterThan(1_000_000);
  });

  it('draws a star with its hub in the middle and the members around it', () => {
    const positions = layoutGraph(star.graph);
    const hub = star.graph.nodes.find((n) => n.core)!;
    const pts = Object.values(positions);
    const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
    const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
    const dist = (p: [number, number]) => Math.hypot(p[0] - cx, p[1] - cy);
    const others = star.graph.nodes.filter((n) => !n.core).map((n) => dist(positions[n.id]!)).sort((a, b) => a - b);
    expect(dist(positions[hub.id]!)).toBeLessThan(others[Math.floor(others.length / 4)]!);
    // deterministic: the same result always gives the same picture
    expect(layoutGraph(star.graph)).toEqual(positions);
  });
});

describe('the star and the healthy group side by side', () => {
  it('never shows a red value under "met", and hygiene is not met while most members are to be pruned', () => {
    for (const r of [star, community]) {
      for (const lang of LANGS) {
        const cards = renderReport(r, lang).split('<article').slice(1, r.conditions.length + 1);
        for (const card of cards) if (card.includes('status-met')) expect(card).not.toContain('class="bad"');
      }
      const hygiene = r.conditions.find((c) => c.id === 'hygiene')!;
      if (r.hygiene.pruningCandidatesTotal * 2 > r.activity.members) expect(hygiene.status).not.toBe('met');
    }
    expect(star.conditions.find((c) => c.id === 'exclusiveValue')!.status).not.toBe('met');
  });

  it('says which cohorts the headline retention covers, and that a cut-short last week is partial', () => {
    const c = community.activity.newcomers.retentionCohorts;
    const html = renderReport(community, 'en');
    expect(html).toContain(`pooled over the cohorts of ${c.first} to ${c.last}`);
    expect(community.conditions.find((x) => x.id === 'activity')!.text.en).toContain(`arrived in the weeks of ${c.first} to ${c.last}`);
    const last = community.weekly[community.weekly.length - 1]!;
    if (last.partial) expect(html).toContain(`The last week holds ${last.coveredDays} of 7 days of data`);
    else expect(html).not.toContain('The last week holds');
  });
});

describe('a partial last week', () => {
  it('is drawn faded and captioned as part of a week in the reader language', async () => {
    const end = Date.parse('2024-01-01T00:00:00Z') + (105 + 2) * 86_400_000; // two days into week 16
    const r = await analyze(generateShape('community', { seed: 7, weeks: 16 }).filter((e) => Date.parse(e.at) < end), { format: 'generated' });
    expect(renderReport(r, 'en')).toContain('The last week holds 2 of 7 days of data');
    expect(renderReport(r, 'zh-Hans')).toContain('最后一周只有 7 天中 2 天的数据');
    const view = embedded(renderReport(r, 'zh-Hant'), 'shequn-view') as { labels: { partialWeek: string[] } };
    expect(view.labels.partialWeek.at(-1)).toBe('不完整的一週：7 天中只有 2 天');
    expect(view.labels.partialWeek.slice(1, -1).every((x) => x === '')).toBe(true);
  });
});

describe('numbers as an operator reads them', () => {
  it('shows shares as percentages, waits as durations, indices with two decimals, and n/a for what was not computed', () => {
    expect(formatMetric('en', 'structure.meshIndex', 0)).toBe('0.00');
    expect(formatMetric('en', 'structure.centralization', 1)).toBe('1.00');
    expect(formatMetric('en', 'structure.meshPerMessage', 0.0123)).toBe('0.012');
    expect(formatMetric('en', 'exclusiveValue.originalShare', 0.34)).toBe('34%');
    expect(formatMetric('en', 'activity.newcomers.retention4w', 0.5)).toBe('50%');
    expect(formatMetric('en', 'core.valueRate', 0.61)).toBe('61%');
    expect(formatMetric('en', 'core.originalRate', 1)).toBe('100%');
    expect(formatMetric('en', 'activity.newcomers.medianFirstReplySeconds', 600)).toBe('10 min');
    expect(formatMetric('zh-Hans', 'activity.newcomers.medianFirstReplySeconds', 7200)).toBe('2 小时');
    expect(formatMetric('en', 'core.busFactor', 4)).toBe('4');
    expect(formatMetric('en', 'hygiene.spamSuspects', 0)).toBe('0');
    expect(formatMetric('zh-Hant', 'structure.meshIndex', null)).toBe('無法計算');
  });
});

describe('the report catalogue', () => {
  const keys = (tree: Record<string, unknown>, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
  const load = (lang: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../../locales/${lang}/report.json`), 'utf8'));

  it('has every key in all three languages', () => {
    const en = keys(load('en')).sort();
    expect(keys(load('zh-Hans')).sort()).toEqual(en);
    expect(keys(load('zh-Hant')).sort()).toEqual(en);
  });

  it('labels every condition, status and measured metric the analyzer reports', () => {
    for (const r of [star, community]) {
      for (const c of r.conditions) {
        for (const lang of LANGS) {
          expect(t(lang, `report:condition.${c.id}`)).not.toContain('report:');
          expect(t(lang, `report:status.${c.status}`)).not.toContain('report:');
          for (const m of c.measured) expect(t(lang, `report:metric.${m.metric}`), m.metric).not.toContain('report:');
        }
      }
      for (const p of r.hygiene.pruningCandidates) for (const reason of p.reasons) expect(t('en', `report:reason.${reason}`)).not.toContain('report:');
    }
  });
});
