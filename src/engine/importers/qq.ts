/**
 * QQ 消息管理器 "导出消息记录" as .txt: a header (消息记录…, 消息分组:, 消息对象:),
 * then blocks of "2019-03-01 20:15:32 张三(12345678)" or "… 张三<a@qq.com>"
 * followed by the message lines and a blank line.
 */
import type { MediaKind } from '../../kernel/activity/taxonomy.js';
import { ImportError, type ChatEvent, type Importer, type ImportOptions, type Probe } from '../types.js';
import { idFromName, isoFromParts, membershipEvent, messageEvents, systemEvent } from './common.js';
import { readLines } from './files.js';

const EXPECTED = "a QQ message-manager export (.txt) with blocks like '2019-03-01 20:15:32 张三(12345678)'";
const HEADER = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) (.*?)(?:\((\d{4,12})\)|<([^<>\s]+)>)?\s*$/;
const PREAMBLE = /^(消息记录|消息分组[:：]|消息对象[:：]|={8,}|-{8,})/;
const SYSTEM_IDS = new Set(['10000', '1000000', '50000']);
const PLACEHOLDERS: Record<string, MediaKind> = {
  图片: 'photo',
  表情: 'sticker',
  语音: 'voice',
  视频: 'video',
  文件: 'file',
  位置: 'location',
  名片: 'contact',
  闪照: 'photo',
};

export const qqImporter: Importer = {
  chatName(probe) {
    return /消息对象[:：][ \t]*(.+)/.exec(probe.head)?.[1]?.trim() || null;
  },
  format: 'qq',
  label: 'QQ message-manager export (.txt)',
  sniff(probe: Probe): number {
    if (probe.isDirectory) return 0;
    const h = probe.head;
    if (/^消息记录（此消息记录为文本格式/.test(h) || /消息对象[:：]/.test(h.slice(0, 2000))) return 0.95;
    const lines = h.split('\n').slice(0, 30);
    return lines.filter((l) => HEADER.test(l.replace(/\r$/, '')) && /\(\d{5,12}\)|<[^>]+@[^>]+>/.test(l)).length >= 2 ? 0.6 : 0;
  },
  read(path: string, options?: ImportOptions): AsyncIterable<ChatEvent> {
    return readQQ(path, options);
  },
};

interface Block {
  at: string;
  name: string;
  id: string;
  system: boolean;
  lines: string[];
  conversation?: string;
}

async function* readQQ(path: string, options?: ImportOptions): AsyncGenerator<ChatEvent> {
  const idByName = new Map<string, string>();
  let block: Block | undefined;
  let conversation: string | undefined;
  let sawBlock = false;
  let prevBlank = true;
  for await (const { text, no } of readLines(path, options)) {
    const h = HEADER.exec(text);
    const blank = prevBlank;
    prevBlank = text.trim() === '';
    // A dated line inside a message is text unless it names a QQ number/e-mail or follows a blank line.
    if (h && (h[8] !== undefined || h[9] !== undefined || (blank && h[7] !== ''))) {
      if (block) yield* blockEvents(block, idByName);
      const at = isoFromParts(+h[1], +h[2], +h[3], +h[4], +h[5], +h[6]);
      if (!at) throw new ImportError(path, `invalid date or time in this message header; expected ${EXPECTED}`, { line: no });
      const name = h[7].replace(/^【[^】]*】/, '').trim();
      const number = h[8] ?? h[9];
      const system = (number !== undefined && SYSTEM_IDS.has(number)) || name === '系统消息';
      block = { at, name, id: number ? `qq:${number}` : idFromName('qq', name), system, lines: [], conversation };
      sawBlock = true;
      continue;
    }
    const obj = /^消息对象[:：](.*)$/.exec(text);
    if (obj) conversation = obj[1].trim();
    if (block) {
      if (PREAMBLE.test(text) && !block.system) {
        yield* blockEvents(block, idByName);
        block = undefined;
      } else block.lines.push(text);
    } else if (text.trim() !== '' && !PREAMBLE.test(text)) {
      throw new ImportError(path, `text before the first message header; expected ${EXPECTED}`, { line: no });
    }
  }
  if (block) yield* blockEvents(block, idByName);
  if (!sawBlock) throw new ImportError(path, `no message blocks found; expected ${EXPECTED}`);
}

function* blockEvents(b: Block, idByName: Map<string, string>): Generator<ChatEvent> {
  while (b.lines.length > 0 && b.lines[b.lines.length - 1].trim() === '') b.lines.pop();
  const raw = b.lines.join('\n');
  if (b.system) {
    yield* systemEvents(b.at, raw, idByName);
    return;
  }
  idByName.set(b.name, b.id);
  let media: MediaKind | undefined;
  const text = raw
    .replace(/\[(图片|表情|语音|视频|文件|位置|名片|闪照)\]/g, (_, k: string) => {
      media ??= PLACEHOLDERS[k];
      return '';
    })
    .trim();
  yield* messageEvents({
    at: b.at,
    actorId: b.id,
    actorName: b.name,
    text,
    media,
    mentions: mentionsIn(text, idByName),
    extra: b.conversation ? { conversation: b.conversation } : undefined,
  });
}

/** "@张三" becomes 张三's QQ id when 张三 has spoken before; otherwise an id from the name. */
function mentionsIn(text: string, idByName: Map<string, string>): { id: string; name: string }[] | undefined {
  if (!text.includes('@')) return undefined;
  const out: { id: string; name: string }[] = [];
  for (const m of text.matchAll(/@([^\s@]+)/g)) {
    const after = text.slice((m.index ?? 0) + 1);
    let best: string | undefined;
    for (const name of idByName.keys()) if (after.startsWith(name) && (!best || name.length > best.length)) best = name;
    if (best) out.push({ id: idByName.get(best)!, name: best });
    else if (!/^全体成员|^all$/i.test(m[1])) out.push({ id: idFromName('qq', m[1]), name: m[1] });
  }
  return out.length > 0 ? out : undefined;
}

function person(s: string, idByName: Map<string, string>): { id: string; name: string } {
  const m = /^(.*?)\s*\((\d{4,12})\)$/.exec(s.trim());
  if (m) return { id: `qq:${m[2]}`, name: m[1] };
  const name = s.trim().replace(/^["“]|["”]$/g, '');
  return { id: idByName.get(name) ?? idFromName('qq', name), name };
}

function* systemEvents(at: string, text: string, idByName: Map<string, string>): Generator<ChatEvent> {
  let m;
  if ((m = /^(.+?)\s*邀请\s*(.+?)\s*加入了?(?:本群|群聊|该群)/.exec(text))) {
    const actor = person(m[1], idByName);
    for (const name of m[2].split(/[、，,]/)) yield membershipEvent('member.joined', at, person(name, idByName), actor);
  } else if ((m = /^(.+?)\s*被\s*(?:管理员|群主)?\s*(.*?)\s*(?:移出|踢出|请出)了?(?:本群|群聊|该群)/.exec(text))) {
    const member = person(m[1], idByName);
    yield membershipEvent('member.removed', at, member, m[2] ? person(m[2], idByName) : { id: 'qq:admin', name: '管理员' });
  } else if ((m = /^(.+?)\s*(?:已)?(?:退出|离开)了?(?:本群|群聊|该群)/.exec(text))) {
    yield membershipEvent('member.left', at, person(m[1], idByName));
  } else if ((m = /^(.+?)\s*(?:已)?加入了?(?:本群|群聊|该群)/.exec(text))) {
    yield membershipEvent('member.joined', at, person(m[1], idByName));
  } else {
    yield systemEvent(at, null, { text });
  }
}
