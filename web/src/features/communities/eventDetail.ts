/**
 * An activity event's details in words, one formatter per event kind of the
 * taxonomy (docs/events.md): "移出：已有 54 天没有发言…", "角色：成员 → 骨干",
 * "原创 · 120 字". Every word comes from the catalogue
 * (communities-ui:detail.*); a kind whose data says nothing a reader needs
 * answers null. Pure: the console's log and the member home both use it.
 */
import type { TFunction } from 'i18next';
import type { EventKind } from '../../../../src/kernel/activity/taxonomy.js';

type Data = Record<string, unknown>;
type Formatter = (t: TFunction, data: Data) => string | null;

const CHARTER_FIELDS = new Set(['name', 'slug', 'type', 'sharedNeed', 'valuePromise', 'norms', 'entryCriteria', 'capacity', 'publicTeaser', 'teaser']);

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const list = (t: TFunction, items: string[]) => items.join(t('communities-ui:activity.listSeparator'));
const d = (t: TFunction, key: string, params: Record<string, unknown> = {}) => t(`communities-ui:detail.${key}`, params);

/** A person-given reason, or a rule's (a pruning removal carries the rule's reason with the member's figures). */
function why(t: TFunction, data: Data): string | null {
  const message = data.why as { key?: unknown; params?: Record<string, unknown> } | undefined;
  if (message && typeof message.key === 'string') return t(`pruning:${message.key}`, { ...(message.params ?? {}), defaultValue: message.key });
  const reason = str(data.reason);
  const rule = reason && /^pruning:(\w+)$/.exec(reason)?.[1];
  if (rule) return d(t, 'byRule', { rule: t(`pruning:rules.${rule}`, { defaultValue: rule }) });
  return reason;
}

const withReason =
  (key: string): Formatter =>
  (t, data) => {
    const r = why(t, data);
    return r ? d(t, key, { reason: r }) : null;
  };

const via = (t: TFunction, v: unknown) => (str(v) ? t(`communities-ui:detail.via.${String(v)}`, { defaultValue: String(v) }) : null);

/** An application's channel: "direct" there is the apply page reached directly, not an admin adding someone. */
const channel: Formatter = (t, data) => {
  const v = data.via === 'direct' ? t('communities-ui:detail.appliedVia.direct') : via(t, data.via);
  return v ? d(t, 'channel', { via: v }) : null;
};

/** Posts and replies: where the content came from, its length, what was attached. */
const content: Formatter = (t, data) => {
  const parts: string[] = [];
  if (str(data.origin)) parts.push(d(t, `origin.${String(data.origin)}`, { defaultValue: String(data.origin) }));
  if (typeof data.textLength === 'number' && data.textLength > 0) parts.push(d(t, 'chars', { count: data.textLength }));
  if (str(data.media)) parts.push(d(t, 'media', { media: String(data.media) }));
  if (data.quote === true) parts.push(d(t, 'quote'));
  return parts.length ? parts.join(' · ') : null;
};

const FORMATTERS: Record<EventKind, Formatter> = {
  'community.created': (t, data) => (str(data.name) ? d(t, 'created', { name: data.name }) : null),
  'community.charter_updated': (t, data) => {
    const fields = Array.isArray(data.fields) ? data.fields.filter((f): f is string => typeof f === 'string' && CHARTER_FIELDS.has(f)) : [];
    return fields.length ? t('communities-ui:activity.fieldsChanged', { fields: list(t, fields.map((f) => t(`communities-ui:charter.${f}.label`))) }) : null;
  },
  'member.applied': channel,
  'member.approved': channel,
  'member.rejected': withReason('rejected'),
  'member.joined': (t, data) => {
    const role = str(data.role) ? t(`communities-ui:role.${String(data.role)}`) : null;
    const v = via(t, data.via);
    if (role && v) return d(t, 'joined', { role, via: v });
    return role ? d(t, 'joinedAs', { role }) : null;
  },
  'member.left': withReason('left'),
  'member.removed': withReason('removed'),
  'member.banned': withReason('banned'),
  'member.readmitted': withReason('readmitted'),
  'member.role_changed': (t, data) =>
    str(data.from) && str(data.to) ? t('communities-ui:activity.roleChange', { from: t(`communities-ui:role.${String(data.from)}`), to: t(`communities-ui:role.${String(data.to)}`) }) : null,
  'member.warned': (t, data) =>
    str(data.rule) ? d(t, 'warned', { rule: t(`pruning:rules.${String(data.rule)}`, { defaultValue: String(data.rule) }), deadline: str(data.deadline) ? new Date(String(data.deadline)).toLocaleDateString(t('common:dateLocale')) : '—' }) : null,
  'member.introduced': (t, data) => (Array.isArray(data.fields) && data.fields.length ? d(t, 'introduced', { count: data.fields.length }) : null),
  'content.posted': (t, data) => {
    const c = content(t, data);
    return str(data.title) ? [d(t, 'title', { title: data.title }), c].filter(Boolean).join(' · ') : c;
  },
  'content.replied': content,
  'content.mentioned': () => null,
  'content.reacted': (t, data) => (str(data.reaction) ? d(t, 'reaction', { reaction: data.reaction }) : null),
  'content.pinned': () => null,
  'content.accepted': () => null,
  'activity.checked_in': (t, data) => (str(data.program) ? d(t, 'checkedIn', { program: data.program }) : null),
  'activity.attended': (t, data) => (str(data.title) ? d(t, 'attended', { title: data.title }) : null),
  'system.other': (t, data) => str(data.text),
};

/** Kinds the taxonomy does not know (yet) have no details rather than a guess. */
export function eventDetail(t: TFunction, item: { kind: string; data: Data | null }): string | null {
  return FORMATTERS[item.kind as EventKind]?.(t, item.data ?? {}) ?? null;
}
