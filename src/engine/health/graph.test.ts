import fc from 'fast-check';
import { runs } from '../../../test/support/property.js';
import { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import { describe, expect, it } from 'vitest';
import { averageClustering, buildGraph, componentSizes, degreeCentralization, reciprocity, structureMetrics, type WeightedPair } from './graph.js';

const pair = (a: string, b: string, ab = 1, ba = 0): WeightedPair => ({ a, b, ab, ba });
const star = [pair('hub', 'a'), pair('hub', 'b'), pair('hub', 'c'), pair('hub', 'd')];
const k4 = [pair('a', 'b'), pair('a', 'c'), pair('a', 'd'), pair('b', 'c'), pair('b', 'd'), pair('c', 'd')];

describe('graph metrics on hand-computed graphs', () => {
  it('a star is perfectly centralized and a complete graph not at all', () => {
    expect(degreeCentralization(buildGraph(star))).toBe(1);
    expect(degreeCentralization(buildGraph(k4))).toBe(0);
  });

  it('a path of 4 has Freeman centralization 1/3', () => {
    // degrees 1,2,2,1: Σ(2 − d) = 2, divided by (n−1)(n−2) = 6
    expect(degreeCentralization(buildGraph([pair('a', 'b'), pair('b', 'c'), pair('c', 'd')]))).toBeCloseTo(1 / 3, 10);
  });

  it('centralization is undefined below three members', () => {
    expect(degreeCentralization(buildGraph([pair('a', 'b')]))).toBeNull();
  });

  it('reciprocity counts ties answered in the other direction', () => {
    // a→b and b→a (mutual), a→c only: 2 of 3 directed ties are reciprocated
    expect(reciprocity([pair('a', 'b', 1, 1), pair('a', 'c', 1, 0)])).toBeCloseTo(2 / 3, 10);
    // weight below the tie threshold does not make a tie
    expect(reciprocity([pair('a', 'b', 1, 0.2)])).toBe(0);
    expect(reciprocity([])).toBeNull();
  });

  it('clustering is 1 in a triangle, 0 in a star, and averages over nodes of degree ≥ 2', () => {
    expect(averageClustering(buildGraph([pair('a', 'b'), pair('b', 'c'), pair('a', 'c')]))).toBe(1);
    expect(averageClustering(buildGraph(star))).toBe(0);
    // triangle abc plus pendant d on c: a=1, b=1, c=1/3 (d has degree 1)
    expect(averageClustering(buildGraph([pair('a', 'b'), pair('b', 'c'), pair('a', 'c'), pair('c', 'd')]))).toBeCloseTo((1 + 1 + 1 / 3) / 3, 10);
  });

  it('mesh index is the share of weight between non-core members', () => {
    const pairs = [pair('core', 'a', 3, 1), pair('a', 'b', 2, 2), pair('b', 'c', 1, 1)];
    const s = structureMetrics(pairs, new Set(['core']), 20);
    expect(s.meshIndex).toBeCloseTo(6 / 10, 10);
    expect(s.meshPerMessage).toBeCloseTo(6 / 20, 10);
    expect(structureMetrics(star, new Set(['hub']), 10).meshIndex).toBe(0);
    expect(structureMetrics(k4, new Set(), 10).meshIndex).toBe(1);
  });

  it('counts components and the share of members in the largest one', () => {
    const s = structureMetrics([pair('a', 'b'), pair('b', 'c'), pair('x', 'y')], new Set(), 10);
    expect(s.components).toBe(2);
    expect(s.mainComponentShare).toBeCloseTo(3 / 5, 10);
    expect(s.nodes).toBe(5);
    expect(s.edges).toBe(3);
    expect(s.density).toBeCloseTo(3 / 10, 10);
  });

  it('an empty graph has no measurable structure', () => {
    const s = structureMetrics([], new Set(), 0);
    expect(s).toMatchObject({ meshIndex: null, centralization: null, reciprocity: null, clustering: null, mainComponentShare: null, components: 0, nodes: 0 });
  });
});

describe('the compact graph agrees with graphology', () => {
  /** Random simple graphs on up to 30 nodes, as unique unordered pairs. */
  const graphs = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 29 })).filter(([a, b]) => a < b), {
    selector: ([a, b]) => `${a}-${b}`,
    maxLength: 120,
  });

  it('on components, degrees and local clustering of random graphs', () => {
    fc.assert(
      fc.property(graphs, (edges) => {
        const pairs = edges.map(([a, b]) => pair(`n${a}`, `n${b}`));
        const mine = buildGraph(pairs);
        const oracle = new UndirectedGraph();
        for (const p of pairs) oracle.mergeEdge(p.a, p.b);
        expect(componentSizes(mine).sort()).toEqual(connectedComponents(oracle).map((c) => c.length).sort());
        expect(mine.size).toBe(oracle.size);
        // Local clustering the slow way: ask graphology about every pair of neighbours.
        let total = 0;
        let counted = 0;
        oracle.forEachNode((node) => {
          const nb = oracle.neighbors(node);
          if (nb.length < 2) return;
          let links = 0;
          for (let i = 0; i < nb.length; i++) for (let j = i + 1; j < nb.length; j++) if (oracle.hasEdge(nb[i]!, nb[j]!)) links++;
          total += (2 * links) / (nb.length * (nb.length - 1));
          counted++;
        });
        const expected = counted === 0 ? null : total / counted;
        const actual = averageClustering(mine);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 10);
      }),
      runs(200),
    );
  });
});
