/**
 * renderReport: one self-contained HTML page for a DiagnosisResult. It makes no
 * network request (a Content-Security-Policy forbids any): styles, the ECharts
 * library and the data are all inside the file, so it can be mailed, archived
 * and opened offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { t, type Lang } from '../../kernel/i18n.js';
import type { DiagnosisResult } from '../health/result.js';
import { drawCharts, type ChartView } from './client.js';
import { escapeHtml as h, formatDate, formatInt, jsonForScript } from './format.js';
import { layoutGraph } from './layout.js';
import { chartSection, conditionsSection, coreTable, exclusiveTable, hygieneTables, sourceStrip, verdictSection } from './sections.js';
import { fontStack, styles } from './styles.js';

const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export function renderReport(result: DiagnosisResult, lang: Lang): string {
  const chat = result.source.chatName || basename(result.source.path) || t(lang, 'report:untitledChat');
  const g = result.graph;
  const truncated = g.truncated
    ? t(lang, 'report:charts.networkTruncated', {
        nodes: formatInt(lang, g.nodes.length),
        totalNodes: formatInt(lang, g.totalNodes),
        edges: formatInt(lang, g.edges.length),
        totalEdges: formatInt(lang, g.totalEdges),
      })
    : '';
  const body = [
    `<div class="doc-head"><span class="chat">${h(chat)}</span><span class="muted">${h(t(lang, 'report:generated', { date: formatDate(lang, result.generatedAt) }))}</span></div>`,
    verdictSection(result, lang),
    sourceStrip(result, lang),
    conditionsSection(result, lang),
    chartSection('weekly', lang, partialWeekNote(result, lang)),
    chartSection('network', lang, truncated),
    chartSection('coreOutput', lang),
    chartSection('funnel', lang),
    chartSection('retention', lang, retentionNote(result, lang)),
    coreTable(result, lang),
    exclusiveTable(result, lang),
    hygieneTables(result, lang),
    `<footer>${h(t(lang, 'report:footer'))}</footer>`,
  ].join('\n');

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="shequn diagnose">
<title>${h(t(lang, 'report:docTitle', { chat }))}</title>
<style>${styles(lang)}</style>
</head>
<body>
<main>
${body}
</main>
<script type="application/json" id="shequn-result">${jsonForScript(result)}</script>
<script type="application/json" id="shequn-view">${jsonForScript(chartView(result, lang))}</script>
<script>${echartsSource()}</script>
<script>${clientScript()}</script>
</body>
</html>
`;
}

/** A last week cut short by the export is said to be partial, so its low bars are not read as a fall. */
function partialWeekNote(result: DiagnosisResult, lang: Lang): string {
  const last = result.weekly[result.weekly.length - 1];
  return last?.partial ? t(lang, 'report:charts.partialNote', { days: last.coveredDays }) : '';
}

/** Which cohorts of the table the headline retention pools. */
function retentionNote(result: DiagnosisResult, lang: Lang): string {
  const n = result.activity.newcomers;
  const c = n.retentionCohorts;
  if (n.retention4w === null || c.first === null) return '';
  return t(lang, 'report:charts.retentionHeadline', { from: c.first, to: c.last ?? c.first, newcomers: c.members });
}

function chartView(result: DiagnosisResult, lang: Lang): ChartView {
  const L = (k: string) => t(lang, `report:charts.${k}`);
  const steps = ['seen', 'spoke', 'spokeBeyondGreeting', 'interacted', 'activeLast4Weeks'];
  const longest = Math.max(0, ...result.retention.map((c) => c.retained.length));
  return {
    font: fontStack(lang),
    positions: layoutGraph(result.graph),
    labels: {
      original: L('original'),
      forwarded: L('forwarded'),
      link: L('link'),
      speakers: L('speakers'),
      messages: L('messages'),
      core: L('core'),
      member: L('member'),
      degree: L('degree'),
      noData: L('noData'),
      partialWeek: result.weekly.map((w) => (w.partial ? t(lang, 'report:charts.partialWeek', { days: w.coveredDays }) : '')),
      weekAfter: Array.from({ length: longest }, (_, k) => t(lang, 'report:charts.weekAfter', { k })),
      funnelSteps: Object.fromEntries(steps.map((s) => [s, L(`funnelStep.${s}`)])),
      cohorts: Object.fromEntries(result.retention.map((c) => [c.week, `${c.week} · ${t(lang, 'report:charts.cohortSize', { size: c.size })}`])),
    },
  };
}

/**
 * The chart code as source text. Tools that run the TypeScript directly (tsx,
 * esbuild with keepNames) wrap named functions in a `__name(fn, "name")` helper
 * that exists only in their own runtime; the page gets a no-op stand-in.
 */
function clientScript(): string {
  return `var __name = function (fn) { return fn; };\n(${drawCharts.toString()})();`;
}

let echartsCache: string | undefined;

/** The ECharts browser bundle, read from the installed package so the report needs no CDN. */
function echartsSource(): string {
  if (echartsCache === undefined) {
    const file = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
    // The bundle has no "</script" today; escaping keeps a future version from ending the element early.
    echartsCache = readFileSync(file, 'utf8').replace(/<\/script/gi, '<\\/script');
  }
  return echartsCache;
}
