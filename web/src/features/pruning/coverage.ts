/**
 * What the inactivity rule can see, said plainly in the reader's language:
 * which kinds of taking part it counts, from which sources, over which spans
 * ("只统计 Shequn 内的发言…；微信群记录已导入至 2026年11月30日…").
 */
import type { TFunction } from 'i18next';
import type { ActivitySource } from '../../../../src/features/communities/coverage.js';

export interface CoverageView {
  sources: ActivitySource[];
  coveredSince: string | null;
  counts: string[];
}

export function coverageText(t: TFunction, lang: string, c: CoverageView): string {
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const k = (key: string, params: Record<string, string> = {}) => t(`pruning-ui:coverage.${key}`, params);
  if (c.coveredSince === null) return k('none') + k('end');
  const kinds = c.counts.map((kind) => k(`kind.${kind.replace('.', '_')}`)).join(k('list'));
  const chats = c.sources.filter((s) => s.kind !== 'shequn');
  const parts = [k(chats.length ? 'withChats' : 'shequnOnly', { kinds })];
  for (const s of c.sources) {
    if (s.kind === 'shequn') parts.push(k('shequn', { from: date(s.from) }));
    else if (s.kind === 'import') parts.push(k('import', { label: s.label, from: date(s.from), to: s.to ? date(s.to) : '' }));
    else parts.push(k('connection', { label: s.label, from: date(s.from) }));
  }
  if (!chats.length) parts.push(k('noChats'));
  parts.push(k('since', { since: date(c.coveredSince) }));
  return parts.join(k('sep')) + k('end');
}
