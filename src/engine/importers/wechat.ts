/**
 * WeChat group exports made by the common open-source tools (WeChat itself has
 * no export): see docs/importers.md for each layout.
 *   - wechat-memotrace: MemoTrace (留痕, formerly WeChatMsg) CSV
 *   - wechat-wechatmsg: MemoTrace / WeChatMsg TXT ("2023-01-01 12:00:00 张三" + text)
 *   - wechat-chatlog:   sjzar/chatlog JSON (`/api/v1/chatlog?format=json`, an array of messages)
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { MediaKind } from '../../kernel/activity/taxonomy.js';
import { ImportError, type ChatEvent, type Importer, type ImportOptions, type Probe } from '../types.js';
import { idFromName, idText, isoFromEpoch, isoFromParts, messageEvents } from './common.js';
import { detectEncoding, fileSize, readHead, readLines } from './files.js';
import { scanJsonArray } from './jsonArrayScanner.js';
import { TEXT_PLACEHOLDERS, wechatMedia, wechatSystemEvents } from './wechatText.js';

const MEMOTRACE_COLUMNS = ['localId', 'TalkerId', 'Type', 'SubType', 'IsSender', 'CreateTime', 'Status', 'StrContent', 'StrTime'];
const EXPECTED_CSV = `a MemoTrace (留痕/WeChatMsg) CSV export with the header ${MEMOTRACE_COLUMNS.join(',')},Remark,NickName,Sender`;
const EXPECTED_CHATLOG = 'a chatlog JSON export (an array of messages with seq, time, sender, senderName, type, content)';
const EXPECTED_TXT = "a WeChatMsg/MemoTrace TXT export with blocks like '2023-01-01 12:00:00 张三' followed by the text";
const SELF = 'wx:self';

/** @name mentions resolve to members already seen under that display name. */
function mentionsIn(text: string, idByName: Map<string, string>): { id: string; name: string }[] | undefined {
  if (!text.includes('@')) return undefined;
  const out: { id: string; name: string }[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const after = text.slice(at + 1);
    let best: string | undefined;
    for (const name of idByName.keys()) if (after.startsWith(name) && (!best || name.length > best.length)) best = name;
    if (best) out.push({ id: idByName.get(best)!, name: best });
    else {
      const token = /^[^\s\u2005@]+/.exec(after)?.[0];
      if (token && token !== '所有人') out.push({ id: idFromName('wx', token), name: token });
    }
  }
  return out.length > 0 ? out : undefined;
}

export const wechatMemotraceImporter: Importer = {
  format: 'wechat-memotrace',
  label: 'WeChat: MemoTrace (留痕/WeChatMsg) CSV',
  sniff(probe: Probe): number {
    if (probe.isDirectory) return 0;
    const first = probe.head.split('\n')[0].replace(/\r$/, '');
    return first.startsWith(MEMOTRACE_COLUMNS.slice(0, 4).join(',')) ? 0.95 : 0;
  },
  read: (path, options) => readMemotrace(path, options),
};

async function* readMemotrace(path: string, options?: ImportOptions): AsyncGenerator<ChatEvent> {
  const bytesTotal = await fileSize(path);
  const stream = createReadStream(path);
  if (detectEncoding(await readHead(path)) !== 'utf-8') throw new ImportError(path, `the CSV is not UTF-8; expected ${EXPECTED_CSV}`);
  let bytesRead = 0;
  stream.on('data', (c) => {
    bytesRead += c.length;
    options?.onProgress?.({ bytesRead, bytesTotal });
  });
  const parser = stream.pipe(parse({ columns: true, bom: true, relax_column_count: true, skip_empty_lines: true }));
  const idByName = new Map<string, string>();
  let row = 1;
  try {
    for await (const r of parser as AsyncIterable<Record<string, string>>) {
      row++;
      if (row === 2 && !('CreateTime' in r && 'StrContent' in r)) throw new ImportError(path, `missing CreateTime/StrContent columns; expected ${EXPECTED_CSV}`, { line: 1 });
      const t = Number(r.CreateTime);
      if (!Number.isFinite(t) || t <= 0) throw new ImportError(path, `record ${row - 1} has no valid CreateTime; expected ${EXPECTED_CSV}`, { line: parser.info.lines });
      const at = isoFromEpoch(t);
      const type = Number(r.Type);
      const sub = Number(r.SubType);
      const text = r.StrContent ?? '';
      if (type === 10000 || type === 10002) {
        yield* wechatSystemEvents(at, text, idByName, SELF);
        continue;
      }
      const self = r.IsSender === '1';
      const actorId = r.Sender ? `wx:${r.Sender}` : self ? SELF : idFromName('wx', r.NickName || r.Remark || r.TalkerId);
      const actorName = r.Remark || r.NickName || r.Sender || (self ? '我' : r.TalkerId);
      for (const n of [r.Remark, r.NickName]) if (n) idByName.set(n, actorId);
      const isText = type === 1;
      yield* messageEvents({
        at,
        actorId,
        actorName,
        messageId: r.localId,
        text: isText ? text : '',
        media: wechatMedia(type, sub) ?? (isText ? undefined : type === 49 ? undefined : 'other'),
        forwardedFrom: type === 49 && sub === 19 ? '合并转发' : undefined,
        origin: type === 49 && (sub === 5 || sub === 4 || sub === 33 || sub === 36 || sub === 51) ? 'link' : undefined,
        mentions: isText ? mentionsIn(text, idByName) : undefined,
      });
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(path, `malformed CSV (${(err as Error).message}); expected ${EXPECTED_CSV}`, { line: parser.info.lines });
  }
}

interface ChatlogMessage {
  seq?: number;
  time?: string;
  sender?: string | number;
  senderName?: string;
  isSelf?: boolean;
  type?: number;
  subType?: number;
  content?: string;
  contents?: { url?: string; title?: string; refer?: { sender?: string | number; senderName?: string; seq?: number } };
}

export const wechatChatlogImporter: Importer = {
  format: 'wechat-chatlog',
  label: 'WeChat: chatlog JSON',
  sniff(probe: Probe): number {
    if (probe.isDirectory) return 0;
    const h = probe.head.trimStart();
    return h.startsWith('[') && /"talker"\s*:/.test(h) && /"senderName"\s*:/.test(h) && /"seq"\s*:/.test(h) ? 0.95 : 0;
  },
  read: (path, options) => readChatlog(path, options),
};

async function* readChatlog(path: string, options?: ImportOptions): AsyncGenerator<ChatEvent> {
  const bytesTotal = await fileSize(path);
  const idByName = new Map<string, string>();
  const batches = scanJsonArray(path, { expected: EXPECTED_CHATLOG, onBytes: (b) => options?.onProgress?.({ bytesRead: b, bytesTotal }) });
  for await (const batch of batches) {
    for (let n = 0; n < batch.values.length; n++) {
      const m = batch.values[n] as ChatlogMessage;
      const t = typeof m?.time === 'string' ? Date.parse(m.time) : NaN;
      if (Number.isNaN(t)) throw new ImportError(path, `message ${m?.seq ?? '?'} has no valid "time"; expected ${EXPECTED_CHATLOG}`, { byte: batch.locate(n) });
      const at = new Date(t).toISOString();
      const type = m.type ?? 1;
      const sub = m.subType ?? 0;
      if (type === 10000) {
        for (const ev of wechatSystemEvents(at, m.content ?? '', idByName, SELF)) yield ev;
        continue;
      }
      const sender = idText(m.sender);
      const actorId = sender !== undefined ? `wx:${sender}` : m.isSelf ? SELF : idFromName('wx', m.senderName ?? 'unknown');
      const actorName = m.senderName || sender || '我';
      idByName.set(actorName, actorId);
      const refer = type === 49 && sub === 57 ? m.contents?.refer : undefined;
      const referSender = idText(refer?.sender);
      const link = type === 49 && (sub === 4 || sub === 5) ? m.contents?.url : undefined;
      const text = m.content || (link ? (m.contents?.title ?? '') : '');
      for (const ev of messageEvents({
        at,
        actorId,
        actorName,
        messageId: m.seq === undefined ? undefined : String(m.seq),
        text,
        hiddenLinks: link ? [link] : undefined,
        media: wechatMedia(type, sub),
        forwardedFrom: type === 49 && sub === 19 ? (m.contents?.title ?? '合并转发') : undefined,
        origin: link ? 'link' : undefined,
        replyTo: refer && referSender !== undefined
          ? { authorId: `wx:${referSender}`, authorName: refer.senderName, messageId: refer.seq === undefined ? undefined : String(refer.seq), quote: true }
          : undefined,
        mentions: type === 1 || refer ? mentionsIn(text, idByName) : undefined,
      })) {
        yield ev;
      }
    }
  }
}

const TXT_HEADER = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?: (.+))?$/;

export const wechatWechatmsgImporter: Importer = {
  format: 'wechat-wechatmsg',
  label: 'WeChat: WeChatMsg/MemoTrace TXT',
  sniff(probe: Probe): number {
    if (probe.isDirectory) return 0;
    const lines = probe.head.split('\n').map((l) => l.replace(/\r$/, ''));
    const first = lines.findIndex((l) => l.trim() !== '');
    if (first === -1 || !TXT_HEADER.test(lines[first])) return 0;
    return lines.filter((l) => TXT_HEADER.test(l)).length >= 2 ? 0.55 : 0.35;
  },
  read: (path, options) => readWechatTxt(path, options),
};

async function* readWechatTxt(path: string, options?: ImportOptions): AsyncGenerator<ChatEvent> {
  const idByName = new Map<string, string>();
  let block: { at: string; name?: string; lines: string[] } | undefined;
  let prevBlank = true;
  const flush = (b: { at: string; name?: string; lines: string[] }): ChatEvent[] => {
    while (b.lines.length > 0 && b.lines[b.lines.length - 1].trim() === '') b.lines.pop();
    const raw = b.lines.join('\n');
    if (b.name === undefined) return wechatSystemEvents(b.at, raw, idByName, SELF);
    const actorId = idByName.get(b.name) ?? idFromName('wx', b.name);
    idByName.set(b.name, actorId);
    let media: MediaKind | undefined;
    const text = raw.replace(/\[(图片|语音|视频|表情包|动画表情|表情|文件|位置|名片)\]/g, (_, k: string) => {
      media ??= TEXT_PLACEHOLDERS[k];
      return '';
    });
    const link = /^\[链接\]|^\[分享\]/.test(text.trim());
    const forwarded = /^\[合并转发的?聊天记录\]|^\[聊天记录\]/.test(text.trim());
    return messageEvents({
      at: b.at,
      actorId,
      actorName: b.name,
      text: text.trim().replace(/^\[(链接|分享|合并转发的?聊天记录|聊天记录)\]/, ''),
      media,
      origin: link ? 'link' : undefined,
      forwardedFrom: forwarded ? '合并转发' : undefined,
      mentions: mentionsIn(text, idByName),
    });
  };
  for await (const { text, no } of readLines(path, options)) {
    const h = prevBlank ? TXT_HEADER.exec(text) : null;
    prevBlank = text.trim() === '';
    if (h) {
      if (block) yield* flush(block);
      const at = isoFromParts(+h[1], +h[2], +h[3], +h[4], +h[5], +h[6]);
      if (!at) throw new ImportError(path, `invalid date or time in this header; expected ${EXPECTED_TXT}`, { line: no });
      block = { at, name: h[7]?.trim(), lines: [] };
    } else if (block) block.lines.push(text);
    else if (text.trim() !== '') throw new ImportError(path, `text before the first message header; expected ${EXPECTED_TXT}`, { line: no });
  }
  if (block) yield* flush(block);
  else throw new ImportError(path, `no messages found; expected ${EXPECTED_TXT}`);
}
