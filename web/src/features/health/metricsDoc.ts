/**
 * Where each number is defined: the section of docs/metrics.md (bundled with
 * the health page) that names the metric's top-level field in backticks.
 */
import doc from '../../../../docs/metrics.md?raw';

const sections = doc.split(/\n(?=## )/);

/** The definition of a metric path such as `structure.meshIndex` or `verdict` (the section's text). */
export function definitionOf(metric: string): { title: string; text: string } | null {
  const top = metric.split('.')[0]!;
  const section = sections.find((s) => s.split('\n', 1)[0]!.includes(`\`${top}\``)) ?? sections.find((s) => s.includes(`\`${metric}\``));
  if (!section) return null;
  const [head, ...rest] = section.split('\n');
  return { title: head!.replace(/^#+\s*/, ''), text: rest.join('\n').trim() };
}
