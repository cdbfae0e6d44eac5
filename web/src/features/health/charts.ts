/**
 * ECharts options of the health page, from the diagnosis. The HTML report
 * (src/engine/report/client.ts) draws the same charts, but ships its drawing
 * code as source text into an offline file, so it cannot be imported here;
 * these follow its encodings (bars by origin + speakers line; core in orange;
 * green heatmap of core output; blue retention cohorts) so the two read alike.
 * The network uses ECharts' force layout: the report's ForceAtlas2 layout
 * runs on the server at render time, which the page has not got.
 */
import type { ChartView } from '../../../../src/engine/report/client.js';
import type { HealthView } from './api.js';

/** The report's chart labels that the page draws with, plus the retention column names. */
export type ChartLabels = Pick<ChartView['labels'], 'original' | 'forwarded' | 'link' | 'speakers' | 'messages' | 'core' | 'member' | 'degree'> & {
  weekAfter: (k: number) => string;
};

export function weeklyOption(r: HealthView, L: ChartLabels) {
  if (r.weekly.length === 0) return null;
  const faded = (pick: (w: HealthView['weekly'][number]) => number) => r.weekly.map((w) => (w.partial ? { value: pick(w), itemStyle: { opacity: 0.35 } } : pick(w)));
  return {
    color: ['#2f9e44', '#f08c00', '#868e96', '#1c7ed6'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 44, right: 44, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: r.weekly.map((w) => w.week) },
    yAxis: [
      { type: 'value', name: L.messages, minInterval: 1 },
      { type: 'value', name: L.speakers, minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: L.original, type: 'bar', stack: 'm', data: faded((w) => w.original) },
      { name: L.forwarded, type: 'bar', stack: 'm', data: faded((w) => w.forwarded) },
      { name: L.link, type: 'bar', stack: 'm', data: faded((w) => w.link) },
      { name: L.speakers, type: 'line', yAxisIndex: 1, smooth: 0.2, symbol: 'none', data: r.weekly.map((w) => w.speakers) },
    ],
  };
}

export function networkOption(r: HealthView, L: ChartLabels) {
  const { nodes, edges } = r.graph;
  if (nodes.length === 0) return null;
  const maxDegree = Math.max(1, ...nodes.map((n) => n.degree));
  const maxWeight = Math.max(1e-9, ...edges.map((e) => e.weight));
  const labelled = new Set([...nodes].sort((a, b) => b.degree - a.degree).slice(0, 12).map((n) => n.id));
  return {
    tooltip: { formatter: (p: { dataType: string; data: { name: string; degree: number } }) => (p.dataType === 'node' ? `${p.data.name}<br>${L.degree}: ${p.data.degree}` : '') },
    legend: { top: 0, data: [L.core, L.member] },
    series: [
      {
        type: 'graph',
        layout: 'force',
        force: { repulsion: nodes.length > 200 ? 40 : 120, edgeLength: [30, 120], gravity: 0.08 },
        animation: false,
        roam: true,
        top: 36,
        categories: [
          { name: L.core, itemStyle: { color: '#f08c00' } },
          { name: L.member, itemStyle: { color: '#4c6ef5' } },
        ],
        emphasis: { focus: 'adjacency' },
        label: { position: 'right', fontSize: 11 },
        lineStyle: { color: '#adb5bd', opacity: edges.length > 300 ? 0.25 : 0.45 },
        data: nodes.map((n) => ({
          id: n.id,
          name: n.name,
          degree: n.degree,
          category: n.core ? 0 : 1,
          symbolSize: 5 + 24 * Math.sqrt(n.degree / maxDegree),
          label: { show: n.core || labelled.has(n.id) },
        })),
        links: edges.map((e) => ({ source: e.source, target: e.target, lineStyle: { width: 0.4 + 4 * Math.sqrt(e.weight / maxWeight) } })),
      },
    ],
  };
}

export function coreOutputOption(r: HealthView) {
  const co = r.coreOutput;
  if (co.members.length === 0 || co.weeks.length === 0) return null;
  const cells = co.counts.flatMap((row, i) => row.map((count, j) => [j, i, count] as [number, number, number]));
  const max = Math.max(1, ...cells.map((c) => c[2]));
  return {
    tooltip: { formatter: (p: { value: [number, number, number] }) => `${co.members[p.value[1]]?.name}<br>${co.weeks[p.value[0]]}: ${p.value[2]}` },
    grid: { left: 110, right: 12, top: 8, bottom: 56 },
    xAxis: { type: 'category', data: co.weeks },
    yAxis: { type: 'category', data: co.members.map((m) => m.name), inverse: true, axisLabel: { width: 96, overflow: 'truncate' } },
    visualMap: { min: 0, max, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, itemWidth: 12, inRange: { color: ['#f1f3f5', '#b2f2bb', '#2f9e44', '#1b5e20'] } },
    series: [{ type: 'heatmap', data: cells, itemStyle: { borderColor: '#fff', borderWidth: 1 } }],
  };
}

export function retentionOption(r: HealthView, L: ChartLabels) {
  const cohorts = r.retention.filter((c) => c.size > 0).slice(-16);
  if (cohorts.length === 0) return null;
  const width = Math.max(...cohorts.map((c) => c.retained.length));
  const cells = cohorts.flatMap((c, i) => c.retained.map((share, k) => [k, i, Math.round(share * 100)] as [number, number, number]));
  return {
    tooltip: { formatter: (p: { value: [number, number, number] }) => `${cohorts[p.value[1]]!.week} (${cohorts[p.value[1]]!.size})<br>${L.weekAfter(p.value[0])}: ${p.value[2]}%` },
    grid: { left: 88, right: 12, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: Array.from({ length: width }, (_, k) => L.weekAfter(k)), position: 'top' },
    yAxis: { type: 'category', inverse: true, data: cohorts.map((c) => c.week) },
    visualMap: { min: 0, max: 100, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, itemWidth: 12, text: ['100%', '0%'], inRange: { color: ['#f8f9fa', '#d0ebff', '#74c0fc', '#1c7ed6', '#0b4f8a'] } },
    series: [{ type: 'heatmap', data: cells, itemStyle: { borderColor: '#fff', borderWidth: 1 } }],
  };
}
