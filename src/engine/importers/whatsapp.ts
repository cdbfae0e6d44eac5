/**
 * WhatsApp "Export chat" .txt (Android and iOS layouts, 12/24-hour clocks,
 * en and zh system lines). A parser of our own, not whatsapp-chat-parser: that
 * library takes the whole file as one string (no streaming), reads Chinese
 * 上午/下午 times as 24-hour, and builds dates in the process's time zone.
 *
 * Two streaming passes: the first decides day/month order from every date in
 * the file, the second emits events. Memory: one message plus the member names.
 */
import { ImportError, type ChatEvent, type Importer, type ImportOptions, type Probe } from '../types.js';
import { idFromName, isoFromParts, membershipEvent, messageEvents, systemEvent } from './common.js';
import { readLines } from './files.js';
import { classifySystem, isDeletedMessage, isEncryptionNotice, mediaPlaceholder } from './whatsappText.js';

const EXPECTED = "a WhatsApp chat export (.txt) with lines like '12/31/19, 9:41 PM - Name: text' or '[31/12/2019, 21:41:05] Name: text'";

const HEADER =
  /^[\u200e\u200f]*\[?(\d{1,4})([./-])\s?(\d{1,2})\2\s?(\d{1,4})[,，]?\s*(上午|下午|凌晨|早上|中午|晚上)?\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[\s\u202f\u00a0]*([AaPp])\.?\s?[Mm]\.?)?(?:\]\s|\s[-–]\s)/;

interface Header {
  a: number;
  b: number;
  c: number;
  yearFirst: boolean;
  h: number;
  mi: number;
  s: number;
  rest: string;
}

function parseHeader(line: string): Header | undefined {
  const m = HEADER.exec(line);
  if (!m) return undefined;
  let h = Number(m[6]);
  const zh = m[5];
  const ampm = m[9]?.toLowerCase();
  if (ampm === 'a' && h === 12) h = 0;
  if (ampm === 'p' && h < 12) h += 12;
  if ((zh === '下午' || zh === '晚上') && h < 12) h += 12;
  if (zh === '中午' && h < 11) h += 12;
  if ((zh === '上午' || zh === '凌晨' || zh === '早上') && h === 12) h = 0;
  return {
    a: Number(m[1]),
    b: Number(m[3]),
    c: Number(m[4]),
    yearFirst: m[1].length === 4,
    h,
    mi: Number(m[7]),
    s: m[8] ? Number(m[8]) : 0,
    rest: line.slice(m[0].length),
  };
}

export const whatsappImporter: Importer = {
  chatName(probe) {
    // WhatsApp names the file after the chat: "WhatsApp Chat with X.txt", "与X的 WhatsApp 聊天.txt".
    const file = probe.path.split(/[\\/]/).pop() ?? '';
    const m = /^WhatsApp Chat (?:with|-) (.+)\.txt$/i.exec(file) ?? /^与(.+)的 ?WhatsApp 聊天\.txt$/.exec(file);
    return m?.[1]?.trim() || null;
  },
  format: 'whatsapp',
  label: 'WhatsApp chat export (.txt)',
  sniff(probe: Probe): number {
    if (probe.isDirectory) return 0;
    const lines = probe.head.split('\n').slice(0, 40).filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    const hits = lines.filter((l) => parseHeader(l.replace(/\r$/, '')) !== undefined).length;
    return hits >= Math.min(3, lines.length) ? 0.6 + 0.3 * (hits / lines.length) : 0;
  },
  read(path: string, options?: ImportOptions): AsyncIterable<ChatEvent> {
    return readWhatsapp(path, options);
  },
};

/** Whether dates read day-first, decided from the whole file (see docs/importers.md). */
async function dayFirstOf(path: string): Promise<boolean> {
  let firstOver12 = 0; // line numbers where the first/second number exceeds 12
  let secondOver12 = 0;
  let prev: Header | undefined;
  let backwardsIfDayFirst = 0;
  let backwardsIfMonthFirst = 0;
  let sawHeader = false;
  for await (const { text, no } of readLines(path)) {
    const h = parseHeader(text);
    if (!h) {
      if (!sawHeader && text.trim() !== '') throw new ImportError(path, `this line is not a WhatsApp message line; expected ${EXPECTED}`, { line: no });
      continue;
    }
    sawHeader = true;
    if (h.yearFirst) continue;
    if (h.a > 12 && !firstOver12) firstOver12 = no;
    if (h.b > 12 && !secondOver12) secondOver12 = no;
    if (firstOver12 && secondOver12) {
      throw new ImportError(path, `this date fits neither day/month nor month/day order of the rest of the file; expected ${EXPECTED}`, {
        line: Math.max(firstOver12, secondOver12),
      });
    }
    if (prev) {
      // A chat is in time order: the right reading makes fewer steps back in time.
      const key = (day: number, month: number, x: Header) => (x.c % 100) * 10000 + month * 100 + day;
      if (key(h.a, h.b, h) < key(prev.a, prev.b, prev)) backwardsIfDayFirst++;
      if (key(h.b, h.a, h) < key(prev.b, prev.a, prev)) backwardsIfMonthFirst++;
    }
    prev = h;
  }
  if (!sawHeader) throw new ImportError(path, `no message lines found; expected ${EXPECTED}`);
  if (firstOver12 && !secondOver12) return true;
  if (secondOver12 && !firstOver12) return false;
  if (backwardsIfMonthFirst !== backwardsIfDayFirst) return backwardsIfDayFirst < backwardsIfMonthFirst;
  return true; // no evidence either way: most locales write the day first
}

function memberOf(name: string): { id: string; name: string } {
  // iOS shows senders who are not in the address book as "~ Name"
  const clean = name.replace(/[\u200e\u200f\u202a-\u202e]/g, '').replace(/^~[\s\u202f\u00a0]*/, '').trim();
  if (/^\+?[\d\s\-()]{6,}$/.test(clean)) return { id: `wa:+${clean.replace(/\D/g, '')}`, name: clean };
  return { id: idFromName('wa', clean), name: clean };
}

async function* readWhatsapp(path: string, options?: ImportOptions): AsyncGenerator<ChatEvent> {
  const dayFirst = await dayFirstOf(path);
  const known = new Map<string, { id: string; name: string }>();
  let pending: { at: string; rest: string; line: number } | undefined;

  const flush = function* (p: { at: string; rest: string; line: number }): Generator<ChatEvent> {
    const colon = p.rest.search(/: |：/);
    const author = colon > 0 ? p.rest.slice(0, colon) : '';
    const isMessage = colon > 0 && colon < 80 && !/["“”]/.test(author);
    const text = isMessage ? p.rest.slice(colon + (p.rest[colon] === '：' ? 1 : 2)) : p.rest;
    // iOS writes system lines as "<group name>: \u200e<text>"
    const bare = text.replace(/^[\u200e\u200f]+/, '');
    // The encryption notice is a system line even where an export names the other person as its sender (1:1 chats).
    const system = !isMessage || isEncryptionNotice(bare) || (text.startsWith('\u200e') && !mediaPlaceholder(bare) && !isDeletedMessage(bare));
    if (system) {
      yield* systemEvents(p.at, bare, known);
      return;
    }
    const actor = memberOf(author);
    known.set(actor.name, actor);
    const media = mediaPlaceholder(bare);
    if (isDeletedMessage(bare)) {
      yield systemEvent(p.at, actor, { deleted: true });
      return;
    }
    yield* messageEvents({
      at: p.at,
      actorId: actor.id,
      actorName: actor.name,
      text: media ? '' : bare.replace(/ <This message was edited>$| <已编辑>$/, ''),
      media: media?.kind,
      mentions: mentionsIn(bare, known),
    });
  };

  for await (const { text, no } of readLines(path, options)) {
    const h = parseHeader(text);
    if (!h) {
      if (pending) pending.rest += `\n${text}`;
      continue;
    }
    if (pending) yield* flush(pending);
    const [y, mo, d] = h.yearFirst ? [h.a, h.b, h.c] : dayFirst ? [h.c, h.b, h.a] : [h.c, h.a, h.b];
    const at = isoFromParts(y < 100 ? 2000 + y : y, mo, d, h.h, h.mi, h.s);
    if (!at) throw new ImportError(path, `invalid date or time in this message line; expected ${EXPECTED}`, { line: no });
    pending = { at, rest: h.rest, line: no };
  }
  if (pending) yield* flush(pending);
}

function* systemEvents(at: string, text: string, known: Map<string, { id: string; name: string }>): Generator<ChatEvent> {
  const who = (name: string) => known.get(name.trim()) ?? memberOf(name);
  const s = classifySystem(text);
  if (!s) {
    yield systemEvent(at, null, { text });
    return;
  }
  const actor = who(s.actor);
  for (const name of s.targets.length > 0 ? s.targets : [s.actor]) {
    const member = who(name);
    yield s.kind === 'joined'
      ? membershipEvent('member.joined', at, member, actor)
      : s.kind === 'left'
        ? membershipEvent('member.left', at, member)
        : membershipEvent('member.removed', at, member, actor);
  }
}

/**
 * @Name mentions match names already seen in the chat; @+number mentions match
 * an author known by that number. An iPhone export names authors by their saved
 * name but writes mentions as @<phone>: a number no author goes by is left out,
 * so it never becomes a phantom member who never spoke.
 */
function mentionsIn(text: string, known: Map<string, { id: string; name: string }>): { id: string; name?: string }[] | undefined {
  if (!text.includes('@')) return undefined;
  const out: { id: string; name?: string }[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const after = text.slice(at + 1);
    const phone = /^\+?\d{6,15}/.exec(after);
    if (phone) {
      const id = `wa:+${phone[0].replace(/\D/g, '')}`;
      const author = [...known.values()].find((k) => k.id === id);
      if (author) out.push({ id, name: author.name });
      continue;
    }
    let best: { id: string; name: string } | undefined;
    for (const [name, m] of known) if (after.startsWith(name) && (!best || name.length > best.name.length)) best = m;
    if (best) out.push({ id: best.id, name: best.name });
  }
  return out.length > 0 ? out : undefined;
}
