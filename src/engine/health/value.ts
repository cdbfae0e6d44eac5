/** Exclusive value (condition 2): original vs forwarded / link content, and how each is received. */
import type { ContentOrigin } from '../../kernel/activity/taxonomy.js';
import type { Collector } from './collector.js';
import { round } from './members.js';
import type { ExclusiveValueMetrics, OriginReception } from './result.js';

export function exclusiveValue(c: Collector): ExclusiveValueMetrics {
  const of = (origin: ContentOrigin): OriginReception => {
    const a = c.origins[origin];
    const per = (x: number): number | null => (a.messages > 0 ? round(x / a.messages) : null);
    return {
      messages: a.messages,
      share: c.messages > 0 ? round(a.messages / c.messages) : null,
      repliesPerMessage: per(a.replies),
      reactionsPerMessage: per(a.reactions),
      answeredShare: per(a.answered),
      medianFirstReplySeconds: a.latency.median(),
    };
  };
  return {
    original: of('original'),
    forwarded: of('forwarded'),
    link: of('link'),
    originalShare: c.messages > 0 ? round(c.origins.original.messages / c.messages) : null,
    substantialShare: c.messages > 0 ? round(c.members.reduce((s, m) => s + m.substantial, 0) / c.messages) : null,
  };
}
