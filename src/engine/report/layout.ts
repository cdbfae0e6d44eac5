/**
 * Positions for the interaction-network chart, computed once at render time so
 * the page opens with a finished, deterministic picture (ECharts' own force
 * layout would animate, differ on every load, and hang the page on big graphs).
 *
 * ForceAtlas2 pulls linked members together and pushes the rest apart, so a
 * broadcast group shows as one hub with spokes and a community as a web.
 */
import { UndirectedGraph } from 'graphology';
import { createRequire } from 'node:module';
import type { ForceAtlas2SynchronousLayoutParameters } from 'graphology-layout-forceatlas2';
import type { InteractionGraph } from '../health/result.js';

// The package is CommonJS whose typings declare an ES default export; load it the CommonJS way.
const forceAtlas2 = createRequire(import.meta.url)('graphology-layout-forceatlas2') as {
  assign(graph: UndirectedGraph, params: ForceAtlas2SynchronousLayoutParameters): void;
  inferSettings(graph: UndirectedGraph): Record<string, number | boolean>;
};

export type Positions = Record<string, [number, number]>;

export function layoutGraph(graph: InteractionGraph): Positions {
  const g = new UndirectedGraph();
  // Start on a golden-angle spiral, core first: deterministic, and every node
  // gets a distinct start (FA2 cannot separate nodes that start on one point).
  const ordered = [...graph.nodes].sort((a, b) => Number(b.core) - Number(a.core) || b.degree - a.degree);
  ordered.forEach((node, i) => {
    const r = Math.sqrt(i + 1) * 10;
    const angle = i * 2.399963;
    g.mergeNode(node.id, { x: r * Math.cos(angle), y: r * Math.sin(angle), size: 1 + Math.sqrt(node.degree) });
  });
  for (const edge of graph.edges) {
    if (edge.source === edge.target || !g.hasNode(edge.source) || !g.hasNode(edge.target)) continue;
    g.mergeEdge(edge.source, edge.target, { weight: edge.weight });
  }
  if (g.order === 0) return {};
  const settings = forceAtlas2.inferSettings(g);
  forceAtlas2.assign(g, {
    // Fewer iterations on big graphs keeps rendering under a second; the picture
    // is settled well before that.
    iterations: g.order > 800 ? 150 : 300,
    getEdgeWeight: 'weight',
    // The package's inferred settings (strong gravity, scaling 10) keep hubs in the middle of
    // the members they talk to; Barnes-Hut keeps big graphs fast.
    settings: { ...settings, edgeWeightInfluence: 1, barnesHutOptimize: g.order > 400 },
  });
  return pullInOutliers(g);
}

/**
 * A member with no drawn edge drifts far away and would shrink the whole
 * picture to fit it: bring anyone beyond 1.2 times the 95th-percentile distance
 * back to that radius, keeping their direction.
 */
function pullInOutliers(g: UndirectedGraph): Positions {
  const pts: [string, number, number][] = [];
  g.forEachNode((id: string, attrs: Record<string, unknown>) => {
    pts.push([id, Number.isFinite(attrs.x) ? (attrs.x as number) : 0, Number.isFinite(attrs.y) ? (attrs.y as number) : 0]);
  });
  const cx = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p[2], 0) / pts.length;
  const dists = pts.map((p) => Math.hypot(p[1] - cx, p[2] - cy)).sort((a, b) => a - b);
  const limit = 1.2 * (dists[Math.floor(dists.length * 0.95)] ?? 0);
  const out: Positions = {};
  for (const [id, x, y] of pts) {
    const d = Math.hypot(x - cx, y - cy);
    const k = limit > 0 && d > limit ? limit / d : 1;
    out[id] = [round(cx + (x - cx) * k), round(cy + (y - cy) * k)];
  }
  return out;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
