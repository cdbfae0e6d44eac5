import { describe, expect, it } from 'vitest';
import { definitionOf } from './metricsDoc.js';

describe('every number links to its definition', () => {
  it('finds the section of docs/metrics.md for the metrics the health page shows', () => {
    for (const [metric, heading] of [
      ['verdict', 'Verdict'],
      ['structure.meshIndex', 'Structure'],
      ['core.busFactor', 'Condition 3'],
      ['exclusiveValue.originalShare', 'Condition 2'],
      ['weekly', 'Series and drawings'],
      ['graph', 'Series and drawings'],
      ['retention', 'Activity and silence'],
    ] as const) {
      const def = definitionOf(metric);
      expect(def?.title, metric).toContain(heading);
      expect(def!.text.length).toBeGreaterThan(100);
    }
  });
});
