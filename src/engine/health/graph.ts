/**
 * Structure of the interaction graph (mesh vs star), from the pair weights the
 * collector gathered. Formulas and sources in docs/metrics.md.
 *
 * The graph is a compact adjacency array (CSR) rather than a graphology Graph:
 * building a graphology graph of 200k ties took about 1 s on the 2-core target
 * machine — most of the analyzer's budget for a million messages — while these
 * four computations (degrees, Freeman centralization, triangles, union-find
 * components) need only integer arrays. graph.test.ts checks them against
 * graphology and graphology-components on random graphs.
 */
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

/** Undirected simple graph of ties: node i's partners are neighbors[offsets[i] .. offsets[i+1]). */
export interface TieGraph {
  ids: string[];
  offsets: Int32Array;
  neighbors: Int32Array;
  /** Number of undirected ties. */
  size: number;
}

/** Builds the graph of pairs whose total weight makes a tie (pairs are unique and unordered). */
export function buildGraph(pairs: Iterable<WeightedPair>): TieGraph {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const ends: number[] = [];
  const node = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  for (const p of pairs) {
    if (p.ab + p.ba < TIE_MIN_WEIGHT || p.a === p.b) continue;
    ends.push(node(p.a), node(p.b));
  }
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  for (const e of ends) offsets[e + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i]!;
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(ends.length);
  for (let k = 0; k < ends.length; k += 2) {
    const u = ends[k]!;
    const v = ends[k + 1]!;
    neighbors[fill[u]!++] = v;
    neighbors[fill[v]!++] = u;
  }
  return { ids, offsets, neighbors, size: ends.length / 2 };
}

const degreeOf = (g: TieGraph, i: number): number => g.offsets[i + 1]! - g.offsets[i]!;

/**
 * Freeman degree centralization: Σ(max deg − deg_i) / ((n−1)(n−2)), 1 for a
 * star, 0 when every node has the same degree; null below 3 nodes.
 */
export function degreeCentralization(g: TieGraph): number | null {
  const n = g.ids.length;
  if (n < 3) return null;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, degreeOf(g, i));
  return (n * max - 2 * g.size) / ((n - 1) * (n - 2));
}

/**
 * Mean local clustering coefficient (Watts–Strogatz) over nodes of degree ≥ 2:
 * the share of a member's partners who also talk to each other. Triangles are
 * counted with the degree-ordered "forward" algorithm (O(m^1.5)), because asking
 * about every pair of neighbours is quadratic in the hubs' degree.
 */
export function averageClustering(g: TieGraph): number | null {
  const n = g.ids.length;
  // Rank by degree, then index: each tie points from lower to higher rank.
  const rank = new Int32Array(n);
  Array.from({ length: n }, (_, i) => i)
    .sort((a, b) => degreeOf(g, a) - degreeOf(g, b) || a - b)
    .forEach((node, r) => (rank[node] = r));
  const out: number[][] = Array.from({ length: n }, () => []);
  for (let u = 0; u < n; u++) {
    for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
      const v = g.neighbors[k]!;
      if (rank[u]! < rank[v]!) out[u]!.push(v);
    }
  }
  const triangles = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const nu = out[u]!;
    for (const v of nu) mark[v] = u;
    for (const v of nu) {
      for (const w of out[v]!) {
        if (mark[w] !== u) continue;
        triangles[u]++;
        triangles[v]++;
        triangles[w]++;
      }
    }
  }
  let total = 0;
  let counted = 0;
  for (let i = 0; i < n; i++) {
    const k = degreeOf(g, i);
    if (k < 2) continue;
    total += (2 * triangles[i]!) / (k * (k - 1));
    counted++;
  }
  return counted === 0 ? null : total / counted;
}

/** Sizes of the connected components (union–find with path halving and union by size). */
export function componentSizes(g: TieGraph): number[] {
  const n = g.ids.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const size = new Int32Array(n).fill(1);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let u = 0; u < n; u++) {
    for (let k = g.offsets[u]!; k < g.offsets[u + 1]!; k++) {
      let a = find(u);
      let b = find(g.neighbors[k]!);
      if (a === b) continue;
      if (size[a]! < size[b]!) [a, b] = [b, a];
      parent[b] = a;
      size[a] += size[b]!;
    }
  }
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) if (parent[i] === i) sizes.push(size[i]!);
  return sizes;
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
  let top = 0;
  for (const w of strength.values()) if (w > top) top = w;
  const components = componentSizes(g);
  const largest = components.reduce((m, c) => Math.max(m, c), 0);
  const order = g.ids.length;
  return {
    meshIndex: total > 0 ? mesh / total : null,
    meshPerMessage: messages > 0 ? mesh / messages : null,
    centralization: degreeCentralization(g),
    // Each pair's weight counts at both ends, so a member's share of all weight is strength / total.
    topMemberShare: total > 0 ? top / total : null,
    reciprocity: reciprocity(pairs),
    clustering: averageClustering(g),
    mainComponentShare: order > 0 ? largest / order : null,
    components: components.length,
    // Undirected simple-graph density 2m / (n(n−1)).
    density: order >= 2 ? (2 * g.size) / (order * (order - 1)) : null,
    nodes: order,
    edges: g.size,
  };
}
