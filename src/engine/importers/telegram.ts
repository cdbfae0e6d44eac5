/**
 * Telegram Desktop "Export chat history" in JSON (result.json of one chat).
 * The messages array is streamed with the shared JSON array scanner.
 */
import type { MediaKind } from '../../kernel/activity/taxonomy.js';
import { ImportError, type ChatEvent, type Importer, type ImportOptions, type Probe } from '../types.js';
import { idText, isoFromEpoch, membershipEvent, messageEvents, pinEvent, reactionEvent, systemEvent, type MessageInput, jsonStringIn } from './common.js';
import { eventStream } from './eventStream.js';
import { scanJsonArray } from './jsonArrayScanner.js';
import { NumericReplyWindow } from './replyWindow.js';
import { fileSize } from './files.js';

const EXPECTED = 'a Telegram Desktop JSON export of one chat (result.json with a "messages" array; export the group itself, not the whole account)';

type Entity = { type?: string; text?: string; href?: string; user_id?: number | string };
interface TgMessage {
  id?: number | string;
  type?: string;
  date?: string;
  date_unixtime?: string;
  from?: string | null;
  from_id?: string | number;
  actor?: string | null;
  actor_id?: string | number;
  action?: string;
  members?: (string | null)[];
  message_id?: number;
  title?: string;
  text?: string | (string | Entity)[];
  text_entities?: Entity[];
  reply_to_message_id?: number;
  forwarded_from?: string | null;
  media_type?: string;
  photo?: string;
  file?: string;
  location_information?: unknown;
  contact_information?: unknown;
  poll?: unknown;
  reactions?: { emoji?: string; document_id?: string; type?: string; count?: number; recent?: { from?: string; from_id?: string | number; date?: string }[] }[];
}

const MEDIA: Record<string, MediaKind> = {
  sticker: 'sticker',
  video_file: 'video',
  video_message: 'video',
  voice_message: 'voice',
  audio_file: 'audio',
  animation: 'gif',
};

export const telegramImporter: Importer = {
  chatName(probe) {
    // The chat's own "name" comes before its "messages" array.
    const end = probe.head.indexOf('"messages"');
    return jsonStringIn(end >= 0 ? probe.head.slice(0, end) : probe.head, 'name');
  },
  format: 'telegram',
  label: 'Telegram Desktop JSON (result.json)',
  sniff(probe: Probe): number {
    if (probe.isDirectory) return probe.entries?.some((e) => /(^|\/)result\.json$/.test(e)) ? 0.6 : 0;
    const h = probe.head.trimStart();
    if (!h.startsWith('{')) return 0;
    const hasMessages = /"messages"\s*:\s*\[/.test(h);
    const tgish = /"(from_id|date_unixtime|text_entities)"\s*:/.test(h) || /"type"\s*:\s*"(personal_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|saved_messages|bot_chat)"/.test(h);
    if (hasMessages && tgish) return 0.95;
    if (tgish) return 0.7;
    return 0;
  },
  read(path: string, options?: ImportOptions): AsyncIterable<ChatEvent> {
    return eventStream(() => readTelegram(path, options));
  },
};

/** Events of the export, one array per scanned batch of messages. */
async function* readTelegram(path: string, options?: ImportOptions): AsyncGenerator<ChatEvent[]> {
  const bytesTotal = await fileSize(path);
  const resolver = new NumericReplyWindow();
  const idByName = new Map<string, string>();
  const nameById = new Map<string, string>();
  const batches = scanJsonArray(path, {
    key: 'messages',
    expected: EXPECTED,
    onBytes: options?.onProgress && ((bytesRead) => options.onProgress!({ bytesRead, bytesTotal })),
  });
  for await (const batch of batches) {
    const { values } = batch;
    const out: ChatEvent[] = [];
    for (let n = 0; n < values.length; n++) {
      const m = values[n] as TgMessage;
      if (m === null || typeof m !== 'object' || Array.isArray(m)) {
        throw new ImportError(path, `a message is not an object; expected ${EXPECTED}`, { byte: batch.locate(n) });
      }
      const at = timeOf(m);
      if (at === undefined) throw new ImportError(path, `message ${m.id ?? '?'} has no valid "date"; expected ${EXPECTED}`, { byte: batch.locate(n) });
      const events = m.type === 'service' ? serviceEvents(m, at, idByName, resolver) : contentEvents(m, at, idByName, nameById, resolver);
      for (const ev of events) out.push(ev);
    }
    yield out;
  }
}

function timeOf(m: TgMessage): string | undefined {
  if (m.date_unixtime !== undefined) {
    const t = Number(m.date_unixtime);
    if (Number.isFinite(t)) return isoFromEpoch(t);
  }
  if (typeof m.date !== 'string') return undefined;
  // Older exports give local time without a zone: read as UTC (see docs/importers.md).
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(m.date) ? m.date : `${m.date}Z`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/**
 * Reaction dates are local wall-clock time with no unixtime twin: shift them by
 * the offset between the message's own local date and its unixtime.
 */
function reactionTime(date: string, m: TgMessage): string | undefined {
  const local = Date.parse(`${date}Z`);
  if (Number.isNaN(local)) return undefined;
  const offset = m.date && m.date_unixtime ? Date.parse(`${m.date}Z`) - Number(m.date_unixtime) * 1000 : 0;
  return new Date(local - (Number.isFinite(offset) ? offset : 0)).toISOString();
}

function plainText(text: TgMessage['text']): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  let out = '';
  for (const part of text) out += typeof part === 'string' ? part : (part?.text ?? '');
  return out;
}

function entitiesOf(m: TgMessage): Entity[] {
  if (Array.isArray(m.text_entities)) return m.text_entities;
  if (Array.isArray(m.text)) return m.text.filter((p): p is Entity => typeof p === 'object' && p !== null);
  return [];
}

function mediaOf(m: TgMessage): MediaKind | undefined {
  if (m.media_type) return MEDIA[m.media_type] ?? 'other';
  if (m.photo) return 'photo';
  if (m.file) return 'file';
  if (m.location_information) return 'location';
  if (m.contact_information) return 'contact';
  if (m.poll) return 'poll';
  return undefined;
}

function contentEvents(
  m: TgMessage,
  at: string,
  idByName: Map<string, string>,
  nameById: Map<string, string>,
  resolver: NumericReplyWindow,
): ChatEvent[] {
  const actorId = telegramId(m.from_id) ?? `name:${m.from ?? 'Deleted Account'}`;
  const actorName = m.from ?? 'Deleted Account';
  if (nameById.get(actorId) !== actorName) {
    nameById.set(actorId, actorName);
    idByName.set(actorName, actorId);
  }
  const messageId = m.id === undefined ? undefined : String(m.id);
  let mentions: { id: string; name?: string }[] | undefined;
  let hiddenLinks: string[] | undefined;
  for (const e of entitiesOf(m)) {
    if (e.type === 'mention' && e.text) {
      (mentions ??= []).push({ id: `username:${e.text.replace(/^@/, '').toLowerCase()}`, name: e.text });
    } else if (e.type === 'mention_name' && e.user_id !== undefined) {
      (mentions ??= []).push({ id: `user${e.user_id}`, name: e.text });
    } else if (e.type === 'text_link' && e.href) {
      (hiddenLinks ??= []).push(e.href);
    }
  }
  let replyTo: MessageInput['replyTo'];
  if (m.reply_to_message_id !== undefined) {
    const authorId = resolver.authorOf(m.reply_to_message_id);
    replyTo = { messageId: String(m.reply_to_message_id), authorId, authorName: authorId && nameById.get(authorId) };
  }
  if (m.id !== undefined) resolver.remember(m.id, actorId);
  const out = messageEvents({
    at,
    actorId,
    actorName,
    messageId,
    text: plainText(m.text),
    hiddenLinks,
    forwardedFrom: m.forwarded_from === undefined ? undefined : (m.forwarded_from ?? 'unknown'),
    media: mediaOf(m),
    replyTo,
    mentions,
  });
  if (Array.isArray(m.reactions)) {
    for (const r of m.reactions) {
      for (const who of r.recent ?? []) {
        const reactor = telegramId(who.from_id);
        if (reactor === undefined) continue;
        const when = who.date ? reactionTime(who.date, m) : undefined;
        out.push(reactionEvent(when ?? at, { id: reactor, name: who.from ?? undefined }, { id: actorId, name: actorName }, messageId, r.emoji ?? r.document_id ?? '?'));
      }
    }
  }
  return out;
}

function serviceEvents(m: TgMessage, at: string, idByName: Map<string, string>, resolver: NumericReplyWindow): ChatEvent[] {
  const actorId = telegramId(m.actor_id);
  const actor = { id: actorId ?? `name:${m.actor ?? 'unknown'}`, name: m.actor ?? undefined };
  if (m.actor && actorId !== undefined) idByName.set(m.actor, actorId);
  const member = (name: string | null) => ({ id: (name && idByName.get(name)) ?? `name:${name ?? 'Deleted Account'}`, name: name ?? 'Deleted Account' });
  switch (m.action) {
    case 'join_group_by_link':
    case 'join_group_by_request':
      return [membershipEvent('member.joined', at, actor, actor, { action: m.action })];
    case 'invite_members':
    case 'create_group': {
      const out = (m.members ?? []).map((name) => membershipEvent('member.joined', at, member(name), actor, { action: m.action }));
      if (m.action === 'create_group') out.unshift(systemEvent(at, actor, { action: m.action, title: m.title }));
      return out;
    }
    case 'remove_members':
      // Telegram writes a member leaving as "actor removed themselves".
      return (m.members ?? []).map((name) =>
        name === m.actor ? membershipEvent('member.left', at, actor, actor, { action: m.action }) : membershipEvent('member.removed', at, member(name), actor, { action: m.action }),
      );
    case 'pin_message': {
      const id = m.message_id;
      return [pinEvent(at, actor, id === undefined ? undefined : String(id), id === undefined ? undefined : resolver.authorOf(id))];
    }
    default:
      return [systemEvent(at, actor, { action: m.action ?? 'unknown', text: plainText(m.text) || undefined })];
  }
}

/** "user123" as Telegram Desktop writes it; a bare number (other tools, 0 included) is the same user. */
function telegramId(raw: string | number | undefined): string | undefined {
  const id = idText(raw);
  return id !== undefined && typeof raw === 'number' ? `user${id}` : id;
}
