/**
 * Formatting and escaping for the HTML report. Numbers are shown the way an
 * operator reads them: shares as percentages, waits as durations, indices with
 * two decimals; a metric the analyzer could not compute shows as "n/a".
 */
import { t, type Lang } from '../../kernel/i18n.js';

const LOCALE: Record<Lang, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en-US' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON that is safe inside <script type="application/json">: `<` never appears
 * raw (so neither `</script` nor `<!--` can end or confuse the element), and
 * U+2028/2029 are escaped for older parsers that treat them as line ends.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function formatInt(lang: Lang, n: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(n);
}

export function formatPercent(lang: Lang, share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return t(lang, 'report:notComputable');
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: share < 0.1 && share > 0 ? 1 : 0 }).format(share);
}

export function formatDecimal(lang: Lang, n: number | null | undefined, digits = 2, minDigits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return t(lang, 'report:notComputable');
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: minDigits }).format(n);
}

export function formatDuration(lang: Lang, seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return t(lang, 'report:notComputable');
  const s = Math.max(0, seconds);
  if (s < 90) return t(lang, 'report:duration.seconds', { n: Math.round(s) });
  if (s < 90 * 60) return t(lang, 'report:duration.minutes', { n: Math.round(s / 60) });
  if (s < 36 * 3600) return t(lang, 'report:duration.hours', { n: formatDecimal(lang, s / 3600, 1) });
  return t(lang, 'report:duration.days', { n: formatDecimal(lang, s / 86400, 1) });
}

/** A signed relative change, e.g. "−45%". */
export function formatChange(lang: Lang, change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return t(lang, 'report:notComputable');
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(change);
}

/** The date part of an ISO timestamp, in the report language's order. */
export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/**
 * Formats a metric by what its name says it measures (see result.ts
 * conventions): `…Seconds` is a duration, shares/rates are percentages, counts
 * are integers, anything else is an index shown with two decimals.
 */
export function formatMetric(lang: Lang, metric: string, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return t(lang, 'report:notComputable');
  const leaf = metric.split('.').pop() ?? metric;
  if (/Seconds$/.test(leaf)) return formatDuration(lang, value);
  if (/(Share|share|Rate|retention\w*|continuity|reciprocity)$/.test(leaf)) return formatPercent(lang, value);
  if (/^(count|strongTies|busFactor|components|nodes|edges|greetedThenSilent|activeLast4Weeks|members|speakers|messages|spamSuspects|pruningCandidatesTotal)$/.test(leaf)) {
    return formatInt(lang, value);
  }
  // An index such as centralization reads as "1.00", not "1", so it is not taken for a count.
  // Small indices (member-to-member interaction per message) need a third decimal to differ from 0.
  const digits = value !== 0 && Math.abs(value) < 0.1 ? 3 : 2;
  return formatDecimal(lang, value, digits, digits);
}

/** Label of a metric path from the catalogue; the path itself when none is written. */
export function metricLabel(lang: Lang, metric: string): string {
  const key = `report:metric.${metric}`;
  const label = t(lang, key);
  return label === key ? metric : label;
}
