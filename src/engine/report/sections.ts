/**
 * The parts of the report that are plain HTML (drawn on the server, so they
 * read and print without JavaScript): the verdict, the evidence and the tables.
 * Charts are containers here and are drawn by client.ts.
 */
import { t, type Lang } from '../../kernel/i18n.js';
import type { ConditionEvidence, DiagnosisResult, MeasuredValue, OriginReception } from '../health/result.js';
import {
  escapeHtml as h,
  formatChange,
  formatDate,
  formatDecimal,
  formatDuration,
  formatInt,
  formatMetric,
  formatPercent,
  metricLabel,
} from './format.js';

export const CHART_IDS = ['weekly', 'network', 'coreOutput', 'funnel', 'retention'] as const;

export function verdictSection(r: DiagnosisResult, lang: Lang): string {
  const v = r.verdict;
  const text = v.diagnosis[lang] ?? v.diagnosis.en;
  const actions = text.actions.map((a) => `<li>${h(a)}</li>`).join('');
  // A chat that is not a group has no score: the ring would read as a judgement.
  const score = v.score === null ? null : Math.max(0, Math.min(100, Math.round(v.score)));
  const ring =
    score === null
      ? ''
      : `<div class="score" style="--score:${score}" role="img" aria-label="${h(t(lang, 'report:score'))} ${score}/100">
    <div class="score-inner"><span class="score-value">${score}</span><span class="score-label">${h(t(lang, 'report:score'))}</span></div>
  </div>`;
  const actionList = actions ? `<div class="actions">
    <h2>${h(t(lang, 'report:actionsTitle'))}</h2>
    <ol>${actions}</ol>
  </div>` : '';
  return `<section class="verdict kind-${h(v.kind)}" id="verdict">
  ${ring}
  <div class="verdict-text">
    <p class="eyebrow">${h(t(lang, 'report:title'))}</p>
    <h1 class="kind" data-kind="${h(v.kind)}">${h(t(lang, `report:kind.${v.kind}`))}</h1>
    <p class="kind-hint">${h(t(lang, `report:kindHint.${v.kind}`))}</p>
    <p class="summary">${h(text.summary)}</p>
    <p class="confidence">${h(t(lang, 'report:confidence.line', { value: t(lang, `report:confidence.${v.confidence}`) }))}</p>
  </div>
  ${actionList}
</section>`;
}

export function sourceStrip(r: DiagnosisResult, lang: Lang): string {
  const s = r.source;
  const period = s.firstAt
    ? t(lang, 'report:source.periodValue', { from: formatDate(lang, s.firstAt), to: formatDate(lang, s.lastAt), weeks: s.weeks })
    : t(lang, 'report:source.noPeriod');
  const item = (label: string, value: string) => `<div><dt>${label}</dt><dd>${h(value)}</dd></div>`;
  return `<dl class="source">
  ${item(t(lang, 'report:source.format'), s.label ?? s.format)}
  ${item(t(lang, 'report:source.period'), period)}
  ${item(t(lang, 'report:source.messages'), formatInt(lang, s.messages))}
  ${item(t(lang, 'report:source.members'), formatInt(lang, s.members))}
  ${item(t(lang, 'report:source.speakers'), formatInt(lang, r.activity.speakers))}
</dl>`;
}

export function conditionsSection(r: DiagnosisResult, lang: Lang): string {
  const cards = r.conditions.map((c) => conditionCard(c, lang)).join('\n');
  return `<section id="conditions"><h2>${h(t(lang, 'report:conditionsTitle'))}</h2><div class="cards">${cards}</div>
${interactionsNote(r, lang)}</section>`;
}

function conditionCard(c: ConditionEvidence, lang: Lang): string {
  const measured = c.status === 'not_measurable' ? '' : `<table class="measured">${c.measured.map((m) => measuredRow(m, lang)).join('')}</table>`;
  const score = c.score === null || c.status === 'not_measurable' ? '' : `<span class="cond-score">${Math.round(c.score)}</span>`;
  return `<article class="card status-${h(c.status)}" data-condition="${h(c.id)}">
  <header><h3>${h(t(lang, `report:condition.${c.id}`))}</h3>${score}</header>
  <p class="status">${h(t(lang, `report:status.${c.status}`))}</p>
  <p>${h(c.text[lang] ?? c.text.en)}</p>
  ${measured}
</article>`;
}

function measuredRow(m: MeasuredValue, lang: Lang): string {
  const threshold =
    m.threshold !== undefined && m.direction
      ? `<span class="threshold">${h(t(lang, 'report:threshold', { dir: m.direction === '>=' ? '≥' : '≤', value: formatMetric(lang, m.metric, m.threshold) }))}</span>`
      : '';
  const ok = m.threshold !== undefined && m.direction && m.value !== null ? (m.direction === '>=' ? m.value >= m.threshold : m.value <= m.threshold) : null;
  const cls = ok === null ? '' : ok ? ' class="ok"' : ' class="bad"';
  return `<tr><th>${h(metricLabel(lang, m.metric))}</th><td${cls}>${h(formatMetric(lang, m.metric, m.value))}${threshold}</td></tr>`;
}

function interactionsNote(r: DiagnosisResult, lang: Lang): string {
  const i = r.interactions;
  const share = (w: number) => formatPercent(lang, i.totalWeight > 0 ? w / i.totalWeight : null);
  const breakdown =
    i.method === 'none'
      ? ''
      : `<p>${h(t(lang, 'report:interactions.breakdown', {
          explicit: share(i.explicitWeight),
          temporal: share(i.temporalWeight),
          replies: formatInt(lang, i.counts.replies),
          quotes: formatInt(lang, i.counts.quotes),
          mentions: formatInt(lang, i.counts.mentions),
          reactions: formatInt(lang, i.counts.reactions),
          temporalLinks: formatInt(lang, i.counts.temporal),
        }))}</p>`;
  const params = i.temporal.enabled
    ? `<p class="muted">${h(t(lang, 'report:interactions.temporalParams', { window: formatDuration(lang, i.temporal.windowSeconds), decay: formatDuration(lang, i.temporal.decaySeconds) }))}</p>`
    : '';
  return `<div class="interactions" data-method="${h(i.method)}"><h3>${h(t(lang, 'report:interactions.title'))}</h3>
<p><strong>${h(t(lang, `report:interactions.method.${i.method}`))}</strong></p>${breakdown}${params}</div>`;
}

export function chartSection(id: (typeof CHART_IDS)[number], lang: Lang, note = ''): string {
  return `<section class="chart-block" id="section-${id}">
  <h2>${h(t(lang, `report:charts.${id}`))}</h2>
  <p class="muted">${h(t(lang, `report:charts.${id}Note`))}${note ? ' ' + h(note) : ''}</p>
  <div class="chart chart-${id}" id="chart-${id}" data-chart="${id}"></div>
</section>`;
}

/** A cell is text (escaped here) or already-built HTML. */
type Cell = string | { html: string };

function table(head: string[], rows: Cell[][], numericFrom = 1): string {
  const th = head.map((c, i) => `<th${i >= numericFrom ? ' class="num"' : ''}>${h(c)}</th>`).join('');
  const cell = (c: Cell) => (typeof c === 'string' ? h(c) : c.html);
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="num"' : ''}>${cell(c)}</td>`).join('')}</tr>`).join('');
  return `<div class="table-wrap"><table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

export function coreTable(r: DiagnosisResult, lang: Lang): string {
  const c = r.core;
  const L = (k: string) => t(lang, `report:tables.${k}`);
  const rows = c.members.map((m) => [
    m.name,
    formatInt(lang, m.messages),
    formatInt(lang, m.originalMessages),
    formatPercent(lang, m.originalShare),
    formatInt(lang, m.repliesReceived),
    formatPercent(lang, m.continuity),
    m.firstWeek,
    m.lastWeek,
  ]);
  const body = rows.length
    ? table([L('name'), L('messages'), L('originalMessages'), L('originalShare'), L('repliesReceived'), L('continuity'), L('firstWeek'), L('lastWeek')], rows)
    : `<p class="muted">${h(L('noCore'))}</p>`;
  const absences = c.absences.length
    ? `<h3>${h(L('absencesTitle'))}</h3>` +
      table(
        [L('name'), L('lastWeek'), L('groupBefore'), L('groupAfter'), L('change')],
        c.absences.map((a) => [a.name, a.lastWeek, formatDecimal(lang, a.groupMessagesPerWeekBefore, 1), formatDecimal(lang, a.groupMessagesPerWeekAfter, 1), formatChange(lang, a.change)]),
      )
    : '';
  return `<section id="core"><h2>${h(L('coreTitle'))}</h2><p class="muted">${h(t(lang, 'report:tables.coreMethod', { method: c.methodText[lang] }))}</p>${body}${absences}</section>`;
}

export function exclusiveTable(r: DiagnosisResult, lang: Lang): string {
  const L = (k: string) => t(lang, `report:tables.${k}`);
  const row = (label: string, o: OriginReception) => [
    label,
    formatInt(lang, o.messages),
    formatPercent(lang, o.share),
    formatDecimal(lang, o.repliesPerMessage),
    formatDecimal(lang, o.reactionsPerMessage),
    formatPercent(lang, o.answeredShare),
    formatDuration(lang, o.medianFirstReplySeconds),
  ];
  const e = r.exclusiveValue;
  return `<section id="exclusive"><h2>${h(L('exclusiveTitle'))}</h2>${table(
    [L('origin'), L('messages'), L('share'), L('repliesPerMessage'), L('reactionsPerMessage'), L('answeredShare'), L('medianFirstReply')],
    [row(t(lang, 'report:charts.original'), e.original), row(t(lang, 'report:charts.forwarded'), e.forwarded), row(t(lang, 'report:charts.link'), e.link)],
  )}</section>`;
}

export function hygieneTables(r: DiagnosisResult, lang: Lang): string {
  const L = (k: string) => t(lang, `report:tables.${k}`);
  const reasons = (rs: string[]): Cell => ({ html: rs.map((x) => `<span class="tag">${h(t(lang, `report:reason.${x}`))}</span>`)
    .join(' ') });
  const hy = r.hygiene;
  const spam = hy.spamSuspects.length
    ? table(
        [L('name'), L('messages'), L('linkShare'), L('repeated'), L('reasons')],
        hy.spamSuspects.map((s) => [s.name, formatInt(lang, s.messages), formatPercent(lang, s.linkShare), formatInt(lang, s.repeatedMessages), reasons(s.reasons)]),
      )
    : `<p class="muted">${h(L('noSpam'))}</p>`;
  const shown = hy.pruningCandidates.length;
  const pruning = shown
    ? `<p class="muted">${h(t(lang, 'report:tables.pruningShown', { shown: formatInt(lang, shown), total: formatInt(lang, hy.pruningCandidatesTotal) }))}</p>` +
      table(
        [L('name'), L('reasons'), L('lastSeen'), L('messages')],
        hy.pruningCandidates.map((p) => [p.name, reasons(p.reasons), formatDate(lang, p.lastSeen), formatInt(lang, p.messages)]),
        3,
      )
    : `<p class="muted">${h(L('noPruning'))}</p>`;
  return `<section id="hygiene"><h2>${h(L('hygieneTitle'))}</h2>${spam}<h2 id="pruning">${h(L('pruningTitle'))}</h2>${pruning}</section>`;
}
