/**
 * DiscordChatExporter JSON export of one channel (`{guild, channel, messages}`).
 * Streams with the shared JSON array scanner.
 */
import type { MediaKind } from '../../kernel/activity/taxonomy.js';
import { ImportError, ReplyResolver, type ChatEvent, type Importer, type ImportOptions, type Probe } from '../types.js';
import { idText, membershipEvent, messageEvents, pinEvent, reactionEvent, systemEvent, type MessageInput, jsonStringIn } from './common.js';
import { fileSize } from './files.js';
import { scanJsonArray } from './jsonArrayScanner.js';

const EXPECTED = 'a DiscordChatExporter JSON export (with "guild", "channel" and "messages")';

interface DcUser {
  id?: string | number;
  name?: string;
  nickname?: string;
  isBot?: boolean;
}
interface DcMessage {
  id?: string;
  type?: string;
  timestamp?: string;
  content?: string;
  author?: DcUser;
  attachments?: { fileName?: string; url?: string }[];
  stickers?: unknown[];
  embeds?: unknown[];
  reactions?: { emoji?: { name?: string; code?: string }; count?: number; users?: DcUser[] }[];
  mentions?: DcUser[];
  reference?: { messageId?: string | null } | null;
}

export const discordImporter: Importer = {
  chatName(probe) {
    const guild = jsonStringIn(probe.head, 'name', /"guild"\s*:\s*\{/);
    const channel = jsonStringIn(probe.head, 'name', /"channel"\s*:\s*\{/);
    return [guild, channel && `#${channel}`].filter(Boolean).join(' ') || null;
  },
  format: 'discord',
  label: 'DiscordChatExporter JSON',
  sniff(probe: Probe): number {
    if (probe.isDirectory) return 0;
    const h = probe.head.trimStart();
    if (!h.startsWith('{')) return 0;
    const guild = /"guild"\s*:\s*\{/.test(h);
    const channel = /"channel"\s*:\s*\{/.test(h);
    if (guild && channel && /"messages"\s*:\s*\[/.test(h)) return 0.95;
    return guild && channel ? 0.8 : 0;
  },
  read(path: string, options?: ImportOptions): AsyncIterable<ChatEvent> {
    return readDiscord(path, options);
  },
};

function person(u: DcUser | undefined): { id: string; name: string } {
  const name = u?.nickname || u?.name || 'unknown';
  const id = idText(u?.id);
  return { id: id !== undefined ? `discord:${id}` : `name:${name}`, name };
}

function mediaOf(m: DcMessage): MediaKind | undefined {
  if (Array.isArray(m.stickers) && m.stickers.length > 0) return 'sticker';
  const file = m.attachments?.[0]?.fileName?.toLowerCase();
  if (!file) return undefined;
  if (/\.(jpe?g|png|webp|heic|bmp)$/.test(file)) return 'photo';
  if (/\.gif$/.test(file)) return 'gif';
  if (/\.(mp4|mov|webm|mkv)$/.test(file)) return 'video';
  if (/\.(ogg|mp3|m4a|wav|flac)$/.test(file)) return file.startsWith('voice-message') ? 'voice' : 'audio';
  return 'file';
}

async function* readDiscord(path: string, options?: ImportOptions): AsyncGenerator<ChatEvent> {
  const bytesTotal = await fileSize(path);
  const resolver = new ReplyResolver();
  const nameById = new Map<string, string>();
  const batches = scanJsonArray(path, {
    key: 'messages',
    expected: EXPECTED,
    onBytes: options?.onProgress && ((bytesRead) => options.onProgress!({ bytesRead, bytesTotal })),
  });
  for await (const batch of batches) {
    for (let n = 0; n < batch.values.length; n++) {
      const m = batch.values[n] as DcMessage;
      const t = typeof m?.timestamp === 'string' ? Date.parse(m.timestamp) : NaN;
      if (Number.isNaN(t)) throw new ImportError(path, `message ${m?.id ?? '?'} has no valid "timestamp"; expected ${EXPECTED}`, { byte: batch.locate(n) });
      for (const ev of toEvents(m, new Date(t).toISOString(), resolver, nameById)) yield ev;
    }
  }
}

function toEvents(m: DcMessage, at: string, resolver: ReplyResolver, nameById: Map<string, string>): ChatEvent[] {
  const author = person(m.author);
  nameById.set(author.id, author.name);
  const mentioned = (m.mentions ?? []).map(person);
  switch (m.type ?? 'Default') {
    case 'GuildMemberJoin':
      return [membershipEvent('member.joined', at, author)];
    case 'RecipientAdd':
      return mentioned.map((who) => membershipEvent('member.joined', at, who, author));
    case 'RecipientRemove':
      return mentioned.length === 0 || (mentioned.length === 1 && mentioned[0].id === author.id)
        ? [membershipEvent('member.left', at, author)]
        : mentioned.map((who) => membershipEvent('member.removed', at, who, author));
    case 'ChannelPinnedMessage': {
      const id = m.reference?.messageId ?? undefined;
      return [pinEvent(at, author, id, id ? resolver.authorOf(id) : undefined)];
    }
    case 'Default':
    case 'Reply':
    case 'ThreadStarterMessage':
      break;
    default:
      return [systemEvent(at, author, { action: m.type, text: m.content || undefined })];
  }
  let replyTo: MessageInput['replyTo'];
  const refId = m.reference?.messageId ?? undefined;
  if (m.type === 'Reply' && refId) {
    const authorId = resolver.authorOf(refId);
    replyTo = { messageId: refId, authorId, authorName: authorId && nameById.get(authorId) };
  }
  if (m.id) resolver.remember(m.id, author.id);
  // A reply pings its target by default: that ping is the reply, not an extra mention.
  const mentions = mentioned.filter((who) => who.id !== replyTo?.authorId);
  const out = messageEvents({
    at,
    actorId: author.id,
    actorName: author.name,
    messageId: m.id,
    text: m.content ?? '',
    media: mediaOf(m),
    replyTo,
    mentions,
    extra: m.author?.isBot ? { bot: true } : undefined,
  });
  for (const r of m.reactions ?? []) {
    for (const u of r.users ?? []) out.push(reactionEvent(at, person(u), author, m.id, r.emoji?.name ?? r.emoji?.code ?? '?'));
  }
  return out;
}
