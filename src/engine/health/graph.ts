/**
 * Structure of the interaction graph (mesh vs star), from the pair weights the
 * collector gathered. Graph bookkeeping uses graphology; the few formulas it
 * does not ship (Freeman centralization, reciprocity, local clustering) are
 * written here against its API and defined in docs/metrics.md.
 */
import { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import type { StructureMetrics } from './result.js';

/** A directed tie exists when its accumulated weight reaches this (one reply = 1). */
export const TIE_MIN_WEIGHT = 0.5;

/** One undirected pair with the weight each way (method already chosen). */
export interface WeightedPair {
  a: string;
  b: string;
  ab: number;
  ba: number;
}

/** Builds the undirected graph of pairs whose total weight makes a tie. */
export function buildGraph(pairs: Iterable<WeightedPair>): UndirectedGraph {
  const g = new UndirectedGraph({ allowSelfLoops: false });
  for (const p of pairs) {
    const w = p.ab + p.ba;
    if (w < TIE_MIN_WEIGHT || p.a === p.b) continue;
    if (!g.hasNode(p.a)) g.addNode(p.a);
    if (!g.hasNode(p.b)) g.addNode(p.b);
    // Pairs are unique, so no merge lookup is needed; attributes stay off the hot path.
    g.addEdge(p.a, p.b);
  }
  return g;
}

/**
 * Freeman degree centralization: Σ(max deg − deg_i) / ((n−1)(n−2)), 1 for a
 * star, 0 when every node has the same degree; null below 3 nodes.
 */
export function degreeCentralization(g: UndirectedGraph): number | null {
  const n = g.order;
  if (n < 3) return null;
  let max = 0;
  let sum = 0;
  g.forEachNode((node) => {
    const d = g.degree(node);
    sum += d;
    if (d > max) max = d;
  });
  return (n * max - sum) / ((n - 1) * (n - 2));
}

/** Share of directed ties (weight ≥ TIE_MIN_WEIGHT) whose reverse tie also exists. */
export function reciprocity(pairs: Iterable<WeightedPair>): number | null {
  let ties = 0;
  let mutual = 0;
  for (const p of pairs) {
    const ab = p.ab >= TIE_MIN_WEIGHT;
    const ba = p.ba >= TIE_MIN_WEIGHT;
    ties += (ab ? 1 : 0) + (ba ? 1 : 0);
    if (ab && ba) mutual += 2;
  }
  return ties === 0 ? null : mutual / ties;
}

/**
 * Mean local clustering coefficient (Watts–Strogatz) over nodes of degree ≥ 2:
 * the share of a member's partners who also talk to each other. Triangles are
 * counted with the degree-ordered "forward" algorithm (O(m^1.5)), because asking
 * the graph about every pair of neighbours is quadratic in the hubs' degree.
 */
export function averageClustering(g: UndirectedGraph): number | null {
  const ids = g.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const deg = new Int32Array(n);
  for (let i = 0; i < n; i++) deg[i] = g.degree(ids[i]!);
  // Rank by degree, then id order: each edge points from lower to higher rank.
  const rank = new Int32Array(n);
  Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => deg[a]! - deg[b]! || a - b)
    .forEach((node, r) => (rank[node] = r));
  const out: number[][] = Array.from({ length: n }, () => []);
  g.forEachEdge((_e, _a, source, target) => {
    const u = index.get(source)!;
    const v = index.get(target)!;
    if (rank[u]! < rank[v]!) out[u]!.push(v);
    else out[v]!.push(u);
  });
  const triangles = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const nu = out[u]!;
    for (const v of nu) mark[v] = u;
    for (const v of nu) for (const w of out[v]!) if (mark[w] === u) {
      triangles[u]++;
      triangles[v]++;
      triangles[w]++;
    }
  }
  let total = 0;
  let counted = 0;
  for (let i = 0; i < n; i++) {
    const k = deg[i]!;
    if (k < 2) continue;
    total += (2 * triangles[i]!) / (k * (k - 1));
    counted++;
  }
  return counted === 0 ? null : total / counted;
}

/**
 * All structure metrics. `core` are member ids; meshIndex is the share of all
 * interaction weight (including sub-tie weight) exchanged between non-core members.
 */
export function structureMetrics(pairs: WeightedPair[], core: ReadonlySet<string>, messages: number): StructureMetrics {
  const g = buildGraph(pairs);
  let total = 0;
  let mesh = 0;
  const strength = new Map<string, number>();
  for (const p of pairs) {
    const w = p.ab + p.ba;
    total += w;
    if (!core.has(p.a) && !core.has(p.b)) mesh += w;
    strength.set(p.a, (strength.get(p.a) ?? 0) + w);
    strength.set(p.b, (strength.get(p.b) ?? 0) + w);
  }
  const top = Math.max(0, ...strength.values());
  const components = g.order === 0 ? [] : connectedComponents(g);
  const largest = components.reduce((m, c) => Math.max(m, c.length), 0);
  return {
    meshIndex: total > 0 ? mesh / total : null,
    meshPerMessage: messages > 0 ? mesh / messages : null,
    centralization: degreeCentralization(g),
    // Each pair's weight counts at both ends, so a member's share of all weight is strength / total.
    topMemberShare: total > 0 ? top / total : null,
    reciprocity: reciprocity(pairs),
    clustering: averageClustering(g),
    mainComponentShare: g.order > 0 ? largest / g.order : null,
    components: components.length,
    // Undirected simple-graph density 2m / (n(n−1)).
    density: g.order >= 2 ? (2 * g.size) / (g.order * (g.order - 1)) : null,
    nodes: g.order,
    edges: g.size,
  };
}
