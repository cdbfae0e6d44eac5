/**
 * Pure decisions of health, live: which carrier an export format belongs to,
 * how a chat author is named on an imported event, the key that makes a
 * re-import add nothing twice, and how a stored event reads to the engine.
 */
import type { ActivityEvent } from '../../kernel/activity/taxonomy.js';

export const CARRIERS = ['telegram', 'discord', 'whatsapp', 'slack', 'qq', 'wechat'] as const;
export type Carrier = (typeof CARRIERS)[number];

/** The carrier (the chat app) behind an importer's format id. */
export function carrierOf(format: string): Carrier {
  if (format.startsWith('wechat')) return 'wechat';
  return (CARRIERS as readonly string[]).includes(format) ? (format as Carrier) : 'wechat';
}

const EXT = 'ext:';

/**
 * An imported author as stored on the event: `ext:<carrier>:<id>`. Events keep
 * the chat's own author, so a link made later applies to every past import
 * (resolved when health reads the log) as well as future ones.
 */
export function externalRef(carrier: string, id: string): string {
  return `${EXT}${carrier}:${id}`;
}

export function parseExternalRef(ref: string): { carrier: string; externalId: string } | null {
  if (!ref.startsWith(EXT)) return null;
  const rest = ref.slice(EXT.length);
  const colon = rest.indexOf(':');
  return colon < 0 ? null : { carrier: rest.slice(0, colon), externalId: rest.slice(colon + 1) };
}

/**
 * The key of one imported event. Identical lines in one export (the same
 * author saying "+1" twice in a minute) are told apart by `occurrence`, their
 * count so far in this export, so re-reading the export gives the same keys.
 */
export function eventKey(carrier: string, e: ActivityEvent, occurrence: number): string {
  const text = typeof e.data?.text === 'string' ? e.data.text : '';
  const parts = [carrier, e.kind, e.at, e.actorId ?? '', e.targetId ?? '', e.objectId ?? '', e.objectId ? '' : text];
  return `${parts.join('\u0001')}\u0001${occurrence}`;
}

/** A person to the engine: a linked chat author reads as the member it is linked to. */
export function resolvePerson(ref: string | null | undefined, links: ReadonlyMap<string, string>): string | null {
  if (!ref) return null;
  return links.get(ref) ?? ref;
}

/** The cache key of a diagnosis: what it was computed from. */
export function snapshotBasis(lastEventId: number, linksKey: string): string {
  return `${lastEventId}|${linksKey}`;
}

export function rangeKey(from?: string, to?: string): string {
  return from || to ? `${from ?? ''}|${to ?? ''}` : '';
}

// ── the weekly report ───────────────────────────────────────────────────────

export interface WeeklyState {
  kind: string;
  score: number | null;
  coreStatus: string;
}

/** Worse than last week: the group stopped reading as a community, or the core stopped supplying. */
export function worsened(prev: WeeklyState | undefined, cur: WeeklyState): 'verdict' | 'core' | null {
  if (!prev) return null;
  if (prev.kind === 'community' && cur.kind !== 'community') return 'verdict';
  if (prev.coreStatus === 'met' && (cur.coreStatus === 'weak' || cur.coreStatus === 'unmet')) return 'core';
  return null;
}

/** The score's change since last week as the report says it: "+3", "−5", "±0", or '' for a first report. */
export function scoreChange(prev: WeeklyState | undefined, cur: WeeklyState): string {
  if (!prev || prev.score === null || cur.score === null) return '';
  const d = Math.round(cur.score) - Math.round(prev.score);
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '±0';
}

/** The Monday (UTC) that names the ISO week of `now`. */
export function isoWeek(now: Date): string {
  const day = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day)).toISOString().slice(0, 10);
}
