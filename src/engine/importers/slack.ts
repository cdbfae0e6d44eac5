/**
 * Slack workspace export: a zip or its unzipped folder with users.json,
 * channels.json (and groups.json for private channels) and one JSON file per
 * channel and day (`general/2019-03-01.json`). All channels are one community.
 * Days are read in date order and each day's channels merged by timestamp, so
 * memory is one day of the workspace plus the member list.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaKind } from '../../kernel/activity/taxonomy.js';
import { ImportError, ReplyResolver, type ChatEvent, type Importer, type ImportOptions, type Probe } from '../types.js';
import { idText, isoFromEpoch, membershipEvent, messageEvents, pinEvent, reactionEvent, systemEvent, type MessageInput } from './common.js';
import { listFiles, readHead, unreadable } from './files.js';
import { isZip, openZip } from './zip.js';

const EXPECTED = 'a Slack workspace export (zip or folder with users.json, channels.json and <channel>/<YYYY-MM-DD>.json files)';
const DAY_FILE = /^(?:(.*)\/)?([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;

interface SlackMessage {
  type?: string;
  subtype?: string;
  user?: string | number;
  bot_id?: string;
  username?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  parent_user_id?: string | number;
  inviter?: string;
  user_profile?: { display_name?: string; real_name?: string };
  reactions?: { name?: string; users?: string[]; count?: number }[];
  files?: { mimetype?: string }[];
  attachments?: { is_share?: boolean; is_msg_unfurl?: boolean; author_name?: string; channel_name?: string }[];
  item?: { ts?: string };
}

/** Where the export's files come from: a folder or a zip, read one file at a time. */
interface Source {
  names: string[];
  size(name: string): number;
  read(name: string): Promise<Buffer>;
  close(): void;
}

export const slackImporter: Importer = {
  format: 'slack',
  label: 'Slack workspace export (zip or folder)',
  sniff(probe: Probe): number {
    const entries = probe.entries ?? [];
    if (!probe.isDirectory || entries.length === 0) return 0;
    const users = entries.some((e) => /(^|\/)users\.json$/.test(e));
    const channels = entries.some((e) => /(^|\/)(channels|groups)\.json$/.test(e));
    const days = entries.some((e) => DAY_FILE.test(e));
    return users && channels && days ? 0.95 : channels && days ? 0.8 : 0;
  },
  read(path: string, options?: ImportOptions): AsyncIterable<ChatEvent> {
    return readSlack(path, options);
  },
};

async function openSource(path: string): Promise<Source> {
  let isDir;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (err) {
    throw unreadable(path, err);
  }
  if (!isDir) {
    if (!isZip(await readHead(path, 4))) throw new ImportError(path, `not a folder or zip; expected ${EXPECTED}`);
    const zip = await openZip(path);
    const byName = new Map(zip.entries.map((e) => [e.fileName, e]));
    return {
      names: [...byName.keys()],
      size: (n) => byName.get(n)?.uncompressedSize ?? 0,
      read: (n) => zip.read(byName.get(n)!),
      close: () => zip.close(),
    };
  }
  const files = await listFiles(path);
  return {
    names: [...files.keys()],
    size: (n) => files.get(n) ?? 0,
    read: (n) => readFile(join(path, n)),
    close: () => undefined,
  };
}

async function readJson(path: string, src: Source, name: string): Promise<unknown> {
  let buf: Buffer;
  try {
    buf = await src.read(name);
  } catch (err) {
    throw err instanceof ImportError ? err : unreadable(`${path}:${name}`, err);
  }
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (err) {
    const pos = /position (\d+)/.exec((err as Error).message);
    const before = pos ? text.slice(0, Number(pos[1])) : '';
    const line = pos ? before.split('\n').length : undefined;
    throw new ImportError(`${path}:${name}`, `malformed JSON (${(err as Error).message}); expected ${EXPECTED}`, line ? { line, column: before.length - before.lastIndexOf('\n') } : {});
  }
}

async function* readSlack(path: string, options?: ImportOptions): AsyncGenerator<ChatEvent> {
  const src = await openSource(path);
  try {
    const usersFile = src.names.find((n) => /(^|\/)users\.json$/.test(n));
    const names = new Map<string, string>();
    if (usersFile) {
      const users = await readJson(path, src, usersFile);
      if (!Array.isArray(users)) throw new ImportError(`${path}:${usersFile}`, `users.json is not an array; expected ${EXPECTED}`);
      for (const u of users as { id?: string; name?: string; real_name?: string; profile?: { display_name?: string; real_name?: string } }[]) {
        const uid = idText(u?.id);
        if (uid !== undefined) names.set(uid, u.profile?.display_name || u.profile?.real_name || u.real_name || u.name || uid);
      }
    }
    const days = new Map<string, { channel: string; file: string }[]>();
    let bytesTotal = 0;
    for (const n of src.names) {
      const m = DAY_FILE.exec(n);
      if (!m) continue;
      bytesTotal += src.size(n);
      const list = days.get(m[3]) ?? [];
      list.push({ channel: m[2], file: n });
      days.set(m[3], list);
    }
    if (days.size === 0) throw new ImportError(path, `no <channel>/<YYYY-MM-DD>.json files found; expected ${EXPECTED}`);
    const resolver = new ReplyResolver();
    let bytesRead = 0;
    for (const day of [...days.keys()].sort()) {
      const batch: { channel: string; m: SlackMessage }[] = [];
      for (const { channel, file } of days.get(day)!) {
        const arr = await readJson(path, src, file);
        if (!Array.isArray(arr)) throw new ImportError(`${path}:${file}`, `a day file is not an array of messages; expected ${EXPECTED}`);
        arr.forEach((m: SlackMessage, i) => {
          if (!m || typeof m.ts !== 'string' || Number.isNaN(Number(m.ts))) {
            throw new ImportError(`${path}:${file}`, `message ${i + 1} has no valid "ts"; expected ${EXPECTED}`);
          }
          batch.push({ channel, m });
        });
        bytesRead += src.size(file);
      }
      batch.sort((x, y) => Number(x.m.ts) - Number(y.m.ts));
      for (const { channel, m } of batch) yield* toEvents(channel, m, names, resolver);
      options?.onProgress?.({ bytesRead, bytesTotal });
    }
  } finally {
    src.close();
  }
}

function plain(text: string, names: Map<string, string>): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]+))?>/g, (_, id: string, label?: string) => `@${label ?? names.get(id) ?? id}`)
    .replace(/<#C[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, (_, url: string, label: string) => (label === url ? url : `${label} ${url}`))
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function mediaOf(m: SlackMessage): MediaKind | undefined {
  const type = m.files?.[0]?.mimetype;
  if (!m.files || m.files.length === 0) return undefined;
  if (type?.startsWith('image/')) return type === 'image/gif' ? 'gif' : 'photo';
  if (type?.startsWith('video/')) return 'video';
  if (type?.startsWith('audio/')) return 'audio';
  return 'file';
}

function toEvents(channel: string, m: SlackMessage, names: Map<string, string>, resolver: ReplyResolver): ChatEvent[] {
  const at = isoFromEpoch(Number(m.ts));
  const who = (id: string) => ({ id: `slack:${id}`, name: names.get(id) ?? id });
  const user = idText(m.user);
  const actor = user !== undefined
    ? { id: `slack:${user}`, name: names.get(user) ?? m.user_profile?.display_name ?? m.user_profile?.real_name ?? user }
    : { id: `slack:bot:${m.bot_id ?? m.username ?? 'unknown'}`, name: m.username ?? m.bot_id ?? 'bot' };
  const messageId = `${channel}:${m.ts}`;
  const data = { channel };
  switch (m.subtype) {
    case 'channel_join':
    case 'group_join':
      return [membershipEvent('member.joined', at, actor, m.inviter ? who(m.inviter) : actor, data)];
    case 'channel_leave':
    case 'group_leave':
      return [membershipEvent('member.left', at, actor, actor, data)];
    case 'pinned_item':
      return [pinEvent(at, actor, m.item?.ts ? `${channel}:${m.item.ts}` : undefined, m.item?.ts ? resolver.authorOf(`${channel}:${m.item.ts}`) : undefined)];
    case undefined:
    case 'bot_message':
    case 'thread_broadcast':
    case 'file_share':
    case 'me_message':
    case 'reply_broadcast':
      break;
    default:
      return [systemEvent(at, actor, { action: m.subtype, channel, text: m.text ? plain(m.text, names) : undefined })];
  }
  let replyTo: MessageInput['replyTo'];
  if (m.thread_ts && m.thread_ts !== m.ts) {
    const parent = `${channel}:${m.thread_ts}`;
    const parentUser = idText(m.parent_user_id);
    const authorId = parentUser !== undefined ? `slack:${parentUser}` : resolver.authorOf(parent);
    replyTo = { messageId: parent, authorId, authorName: authorId ? names.get(authorId.slice(6)) : undefined };
  }
  resolver.remember(messageId, actor.id);
  const shared = m.attachments?.find((a) => a.is_share || a.is_msg_unfurl);
  const mentions = [...(m.text ?? '').matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]+)?>/g)].map((x) => who(x[1]));
  const out = messageEvents({
    at,
    actorId: actor.id,
    actorName: actor.name,
    messageId,
    text: plain(m.text ?? '', names),
    forwardedFrom: shared ? (shared.author_name ?? shared.channel_name ?? 'shared message') : undefined,
    media: mediaOf(m),
    replyTo,
    mentions,
    extra: m.subtype === 'bot_message' ? { channel, bot: true } : data,
  });
  for (const r of m.reactions ?? []) for (const u of r.users ?? []) out.push(reactionEvent(at, who(u), actor, messageId, r.name ?? '?'));
  return out;
}
