/** The interaction graph as the report draws it: the strongest edges, their endpoints and the core. */
import type { Collector, MemberState } from './collector.js';
import { TIE_MIN_WEIGHT } from './graph.js';
import type { ChosenInteractions } from './interactions.js';
import type { GraphEdge, GraphNode, InteractionGraph } from './result.js';

export const MAX_DRAWN_EDGES = 3000;
export const MAX_DRAWN_NODES = 1500;

export function drawableGraph(c: Collector, chosen: ChosenInteractions, core: MemberState[]): InteractionGraph {
  const coreIds = new Set(core.map((m) => m.id));
  const all = chosen.pairs.filter((p) => p.ab + p.ba >= TIE_MIN_WEIGHT);
  const degree = new Map<string, number>();
  const strength = new Map<string, number>();
  for (const p of all) {
    for (const id of [p.a, p.b]) {
      degree.set(id, (degree.get(id) ?? 0) + 1);
      strength.set(id, (strength.get(id) ?? 0) + p.ab + p.ba);
    }
  }
  // Keep the strongest members first, then the strongest edges among them.
  const keep = new Set(
    [...strength.keys()].sort((x, y) => Number(coreIds.has(y)) - Number(coreIds.has(x)) || strength.get(y)! - strength.get(x)!).slice(0, MAX_DRAWN_NODES),
  );
  for (const id of coreIds) if (keep.size < MAX_DRAWN_NODES) keep.add(id);
  const edges: GraphEdge[] = all
    .filter((p) => keep.has(p.a) && keep.has(p.b))
    .sort((x, y) => y.ab + y.ba - (x.ab + x.ba))
    .slice(0, MAX_DRAWN_EDGES)
    .map((p) => {
      const weight = p.ab + p.ba;
      return { source: p.a, target: p.b, weight: Math.round(weight * 100) / 100, explicitShare: Math.round(Math.min(1, p.explicit / weight) * 100) / 100 };
    });
  const drawn = new Set<string>(coreIds);
  for (const e of edges) drawn.add(e.source).add(e.target);
  const nodes: GraphNode[] = [...drawn].map((id) => {
    const m = c.members[c.byId.get(id)!]!;
    return {
      id,
      name: m.name,
      core: coreIds.has(id),
      degree: degree.get(id) ?? 0,
      weight: Math.round((strength.get(id) ?? 0) * 100) / 100,
      messages: m.messages,
    };
  });
  return { nodes, edges, totalNodes: strength.size, totalEdges: all.length, truncated: edges.length < all.length || keep.size < strength.size };
}
