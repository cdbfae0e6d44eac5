/**
 * Which interactions count: explicit links (replies, quotes, mentions,
 * reactions) when the source has enough of them, otherwise explicit plus the
 * temporal-adjacency heuristic. Decided once, at the end of the stream.
 */
import type { Collector } from './collector.js';
import { TEMPORAL_DECAY_S, TEMPORAL_WINDOW_S } from './collector.js';
import type { WeightedPair } from './graph.js';

export interface IndexedPair extends WeightedPair {
  ai: number;
  bi: number;
  /** Explicit part of ab + ba. */
  explicit: number;
}
import type { InteractionsInfo } from './result.js';

/** Below this many explicit links per message, a source "has few explicit links" and temporal adjacency is added. */
export const EXPLICIT_LINKS_PER_MESSAGE_MIN = 0.1;
/** method = 'explicit' / 'temporal' when that method gives at least this share of the weight. */
export const METHOD_DOMINANT_SHARE = 0.8;

export interface ChosenInteractions {
  info: InteractionsInfo;
  useTemporal: boolean;
  /** Undirected pairs with the weight each way, by member id (and index). */
  pairs: IndexedPair[];
  /** Week index in which each pair (same order as `pairs`) first interacted. */
  firstWeek: number[];
  /** Interaction weight received per member index. */
  received: Float64Array;
  /** Interaction weight per week index. */
  weekWeight: Map<number, number>;
}

export function chooseInteractions(c: Collector): ChosenInteractions {
  const n = c.counts;
  const explicitLinks = n.replies + n.mentions + n.reactions;
  const useTemporal = c.messages > 0 && explicitLinks / c.messages < EXPLICIT_LINKS_PER_MESSAGE_MIN;
  let explicitWeight = 0;
  let temporalWeight = 0;
  const pairs: IndexedPair[] = [];
  const firstWeek: number[] = [];
  const received = new Float64Array(c.members.length);
  const t = c.pairs;
  for (let i = 0; i < t.size; i++) {
    explicitWeight += t.explicitAB[i]! + t.explicitBA[i]!;
    if (useTemporal) temporalWeight += t.temporalAB[i]! + t.temporalBA[i]!;
    const ab = t.explicitAB[i]! + (useTemporal ? t.temporalAB[i]! : 0);
    const ba = t.explicitBA[i]! + (useTemporal ? t.temporalBA[i]! : 0);
    if (ab + ba === 0) continue;
    const a = t.a[i]!;
    const b = t.b[i]!;
    received[b] += ab;
    received[a] += ba;
    pairs.push({ a: c.members[a]!.id, b: c.members[b]!.id, ab, ba, ai: a, bi: b, explicit: t.explicitAB[i]! + t.explicitBA[i]! });
    firstWeek.push(useTemporal ? Math.min(t.firstExplicitWeek[i]!, t.firstTemporalWeek[i]!) : t.firstExplicitWeek[i]!);
  }
  const weekWeight = new Map<number, number>();
  for (const [w, agg] of c.weeks) weekWeight.set(w, agg.explicit + (useTemporal ? agg.temporal : 0));
  const total = explicitWeight + temporalWeight;
  const explicitShare = total > 0 ? explicitWeight / total : null;
  const method: InteractionsInfo['method'] =
    explicitShare === null ? 'none' : explicitShare >= METHOD_DOMINANT_SHARE ? 'explicit' : explicitShare <= 1 - METHOD_DOMINANT_SHARE ? 'temporal' : 'mixed';
  return {
    info: {
      method,
      totalWeight: round2(total),
      explicitWeight: round2(explicitWeight),
      temporalWeight: round2(temporalWeight),
      explicitShare: explicitShare === null ? null : Math.round(explicitShare * 10000) / 10000,
      counts: { ...n, temporal: useTemporal ? n.temporal : 0 },
      temporal: { enabled: useTemporal, windowSeconds: TEMPORAL_WINDOW_S, decaySeconds: TEMPORAL_DECAY_S },
    },
    useTemporal,
    pairs,
    firstWeek,
    received,
    weekWeight,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
