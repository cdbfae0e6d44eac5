/**
 * The script that draws the report's charts in the browser with the inlined
 * ECharts. It is written as a typed function and shipped as its source text
 * (`drawCharts.toString()`), so it must stay self-contained: no imports, no
 * outside helpers, only the two JSON blocks of the page and `window.echarts`.
 */
import type { DiagnosisResult } from '../health/result.js';
import type { Positions } from './layout.js';

/** What the page needs besides the result: translated labels and the network layout. */
export interface ChartView {
  font: string;
  positions: Positions;
  labels: {
    original: string;
    forwarded: string;
    link: string;
    speakers: string;
    messages: string;
    core: string;
    member: string;
    degree: string;
    noData: string;
    /** Per week of r.weekly: '' for a full week, else the words for a partial one. */
    partialWeek: string[];
    weekAfter: string[];
    funnelSteps: Record<string, string>;
    cohorts: Record<string, string>;
  };
}

export function drawCharts(): void {
  const echarts = (window as unknown as { echarts: any }).echarts;
  const read = (id: string) => JSON.parse(document.getElementById(id)!.textContent || 'null');
  const r = read('shequn-result') as DiagnosisResult;
  const v = read('shequn-view') as ChartView;
  const L = v.labels;
  const charts: any[] = [];
  const base = { animation: false, textStyle: { fontFamily: v.font }, aria: { enabled: true } };

  function mount(id: string, option: object | null, height?: number): void {
    const el = document.getElementById('chart-' + id);
    if (!el) return;
    if (height) el.style.height = height + 'px';
    if (!option) {
      el.style.height = '96px';
      el.innerHTML = '<div class="no-data"></div>';
      (el.firstChild as HTMLElement).textContent = L.noData;
      return;
    }
    try {
      const chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({ ...base, ...option });
      charts.push(chart);
    } catch (err) {
      // One chart that cannot be drawn must not take the others down; the error stays visible in the console.
      console.error('shequn report: chart ' + id, err);
    }
  }

  // Category labels need room on the left; measured, since a CJK label is twice as wide as its length suggests.
  const ctx = document.createElement('canvas').getContext('2d');
  const labelWidth = (labels: string[]) => {
    if (ctx) ctx.font = '12px ' + v.font;
    return Math.ceil(Math.max(40, ...labels.map((s) => (ctx ? ctx.measureText(s).width : s.length * 12)))) + 14;
  };
  const weeks = r.weekly.map((w) => w.week);
  // A week the log covers only in part is drawn faded and marked, so it never reads as a fall.
  const bar = (pick: (w: DiagnosisResult['weekly'][number]) => number) =>
    r.weekly.map((w) => (w.partial ? { value: pick(w), itemStyle: { opacity: 0.35 } } : pick(w)));
  const zoom = weeks.length > 40 ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 4 }] : [];
  mount(
    'weekly',
    weeks.length === 0
      ? null
      : {
          color: ['#2f9e44', '#f08c00', '#868e96', '#1c7ed6'],
          tooltip: {
            trigger: 'axis',
            formatter: (ps: any[]) => {
              const i = ps[0]?.dataIndex ?? 0;
              const head = weeks[i] + (L.partialWeek[i] ? ' (' + L.partialWeek[i] + ')' : '');
              return [head, ...ps.map((p: any) => p.marker + p.seriesName + ': ' + (typeof p.value === 'object' ? p.value.value : p.value))].join('<br>');
            },
          },
          legend: { top: 0 },
          grid: { left: 48, right: 48, top: 36, bottom: zoom.length ? 56 : 28 },
          dataZoom: zoom,
          xAxis: { type: 'category', data: weeks, axisLabel: { formatter: (w: string, i: number) => (L.partialWeek[i] ? w + ' *' : w) } },
          yAxis: [
            { type: 'value', name: L.messages, minInterval: 1 },
            { type: 'value', name: L.speakers, minInterval: 1, splitLine: { show: false } },
          ],
          series: [
            { name: L.original, type: 'bar', stack: 'm', data: bar((w) => w.original) },
            { name: L.forwarded, type: 'bar', stack: 'm', data: bar((w) => w.forwarded) },
            { name: L.link, type: 'bar', stack: 'm', data: bar((w) => w.link) },
            {
              name: L.speakers,
              type: 'line',
              yAxisIndex: 1,
              smooth: 0.2,
              symbol: 'none',
              lineStyle: { width: 2.5 },
              // The line stops before a partial last week instead of diving into it.
              data: r.weekly.map((w, i) => (w.partial && i === r.weekly.length - 1 && i > 0 ? null : w.speakers)),
            },
          ],
        },
  );

  const nodes = r.graph.nodes;
  const nameOf = new Map(nodes.map((n) => [n.id, n.name]));
  const maxDegree = Math.max(1, ...nodes.map((n) => n.degree));
  const maxWeight = Math.max(1e-9, ...r.graph.edges.map((e) => e.weight));
  const labelled = new Set(
    [...nodes]
      .sort((a, b) => b.degree - a.degree)
      .slice(0, 12)
      .map((n) => n.id),
  );
  mount(
    'network',
    nodes.length === 0
      ? null
      : {
          tooltip: {
            formatter: (p: any) =>
              p.dataType === 'node' ? `${p.data.name}<br>${L.degree}: ${p.data.degree}` : `${p.data.sourceName} — ${p.data.targetName}: ${p.data.weight}`,
          },
          legend: { top: 0, data: [L.core, L.member] },
          series: [
            {
              type: 'graph',
              layout: 'none',
              roam: true,
              preserveAspect: true,
              top: 36,
              bottom: 8,
              left: 8,
              right: 8,
              categories: [
                { name: L.core, itemStyle: { color: '#f08c00' } },
                { name: L.member, itemStyle: { color: '#4c6ef5' } },
              ],
              emphasis: { focus: 'adjacency', lineStyle: { opacity: 0.9 } },
              label: { position: 'right', fontSize: 11, color: '#1f2933' },
              lineStyle: { color: '#adb5bd', opacity: r.graph.edges.length > 1000 ? 0.15 : r.graph.edges.length > 300 ? 0.25 : 0.45, curveness: 0 },
              data: nodes.map((n) => {
                const [x, y] = v.positions[n.id] ?? [0, 0];
                return {
                  id: n.id,
                  name: n.name,
                  degree: n.degree,
                  x,
                  y,
                  category: n.core ? 0 : 1,
                  symbolSize: nodes.length > 300 ? 3 + 18 * Math.sqrt(n.degree / maxDegree) : 5 + 26 * Math.sqrt(n.degree / maxDegree),
                  z: n.core ? 3 : 2,
                  itemStyle: n.core ? { borderColor: '#fff', borderWidth: 1.5 } : { opacity: 0.85 },
                  label: { show: n.core || labelled.has(n.id) },
                };
              }),
              links: r.graph.edges.map((e) => ({
                source: e.source,
                target: e.target,
                weight: Math.round(e.weight * 10) / 10,
                sourceName: nameOf.get(e.source) ?? e.source,
                targetName: nameOf.get(e.target) ?? e.target,
                lineStyle: { width: 0.4 + 4.5 * Math.sqrt(e.weight / maxWeight) },
              })),
            },
          ],
        },
  );

  const co = r.coreOutput;
  const coreCells: [number, number, number][] = [];
  let coreMax = 1;
  co.counts.forEach((row, i) =>
    row.forEach((count, j) => {
      coreCells.push([j, i, count]);
      coreMax = Math.max(coreMax, count);
    }),
  );
  mount(
    'coreOutput',
    co.members.length === 0 || co.weeks.length === 0
      ? null
      : {
          tooltip: { formatter: (p: any) => `${co.members[p.value[1]]?.name}<br>${co.weeks[p.value[0]]}: ${p.value[2]}` },
          grid: { left: Math.min(160, labelWidth(co.members.map((m) => m.name))), right: 16, top: 8, bottom: 64 },
          xAxis: { type: 'category', data: co.weeks, splitArea: { show: false } },
          yAxis: { type: 'category', data: co.members.map((m) => m.name), inverse: true, axisLabel: { width: 146, overflow: 'truncate' } },
          visualMap: { min: 0, max: coreMax, calculable: false, text: [String(coreMax), '0'], orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, itemWidth: 12, inRange: { color: ['#f1f3f5', '#b2f2bb', '#2f9e44', '#1b5e20'] } },
          series: [{ type: 'heatmap', data: coreCells, itemStyle: { borderColor: '#fff', borderWidth: 1 } }],
        },
    Math.max(200, 96 + 30 * co.members.length),
  );

  const seen = r.funnel.find((s) => s.step === 'seen')?.count || 0;
  const stepNames = r.funnel.map((s) => L.funnelSteps[s.step] ?? s.step);
  const pct = (n: number) => `${n} (${Math.round((100 * n) / seen)}%)`;
  // On a phone the step names go above the bars, so the bars keep the whole width.
  const phone = (document.getElementById('chart-funnel')?.clientWidth ?? 800) < 560;
  mount(
    'funnel',
    r.funnel.length === 0 || seen === 0
      ? null
      : {
          grid: phone ? { left: 4, right: 8, top: 20, bottom: 4 } : { left: labelWidth(stepNames), right: 90, top: 8, bottom: 8 },
          xAxis: { type: 'value', show: false, max: seen },
          yAxis: { type: 'category', inverse: true, data: stepNames, axisTick: { show: false }, axisLine: { show: false }, axisLabel: { show: !phone } },
          series: [
            {
              type: 'bar',
              barWidth: phone ? '40%' : '62%',
              data: r.funnel.map((s, i) => ({ value: s.count, itemStyle: { color: ['#1c7ed6', '#339af0', '#4dabf7', '#74c0fc', '#a5d8ff'][i % 5], borderRadius: [0, 6, 6, 0] } })),
              label: phone
                ? { show: true, position: [0, -16], color: '#1f2933', formatter: (p: any) => `${p.name} · ${pct(p.value)}` }
                : { show: true, position: 'right', formatter: (p: any) => pct(p.value) },
            },
          ],
        },
  );

  const cohorts = r.retention.filter((c) => c.size > 0).slice(-26);
  const retEl = document.getElementById('chart-retention');
  const narrow = (retEl?.clientWidth ?? 800) < 600;
  const cohortLabel = (week: string) => (narrow ? week : (L.cohorts[week] ?? week));
  const retLeft = labelWidth(cohorts.map((c) => cohortLabel(c.week)));
  const cellWidth = ((retEl?.clientWidth ?? 800) - retLeft - 16) / Math.max(1, L.weekAfter.length);
  const retCells: [number, number, number][] = [];
  cohorts.forEach((c, i) => c.retained.forEach((share, k) => retCells.push([k, i, Math.round(share * 100)])));
  mount(
    'retention',
    cohorts.length === 0
      ? null
      : {
          tooltip: { formatter: (p: any) => `${L.cohorts[cohorts[p.value[1]]!.week] ?? ''}<br>${L.weekAfter[p.value[0]]}: ${p.value[2]}%` },
          grid: { left: retLeft, right: 16, top: 8, bottom: 56 },
          xAxis: { type: 'category', data: L.weekAfter, position: 'top' },
          yAxis: { type: 'category', inverse: true, data: cohorts.map((c) => cohortLabel(c.week)) },
          visualMap: { min: 0, max: 100, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, itemWidth: 12, text: ['100%', '0%'], inRange: { color: ['#f8f9fa', '#d0ebff', '#74c0fc', '#1c7ed6', '#0b4f8a'] } },
          series: [{ type: 'heatmap', data: retCells, label: { show: cellWidth >= 34, formatter: (p: any) => p.value[2] + '%', fontSize: 10 }, itemStyle: { borderColor: '#fff', borderWidth: 1 } }],
        },
    Math.max(220, 90 + 24 * cohorts.length),
  );

  const resize = () => charts.forEach((c) => c.resize());
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
  document.documentElement.dataset.chartsReady = String(charts.length);
}
