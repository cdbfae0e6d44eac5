/**
 * Reads the lines of a WhatsApp export that are not somebody's own words, in
 * every language of whatsappLocales.ts: media placeholders, membership lines
 * and the encryption notice. The parser stays language-free.
 */
import type { MediaKind } from '../../kernel/activity/taxonomy.js';
import { WHATSAPP_LOCALES } from './whatsappLocales.js';

export interface SystemLine {
  kind: 'joined' | 'left' | 'removed';
  actor: string;
  /** Members the action was done to (empty: the actor themselves). */
  targets: string[];
}

type Rule = [RegExp, SystemLine['kind'], 'self' | 'targets'];

// Tried kind by kind across languages, most specific first: "joined using the
// invite link" before "joined", "left the group" before a bare verb.
const RULES: Rule[] = [
  ...WHATSAPP_LOCALES.flatMap((l) => l.joinedByLink.map((re): Rule => [re, 'joined', 'self'])),
  ...WHATSAPP_LOCALES.flatMap((l) => l.left.map((re): Rule => [re, 'left', 'self'])),
  ...WHATSAPP_LOCALES.flatMap((l) => l.removed.map((re): Rule => [re, 'removed', 'targets'])),
  ...WHATSAPP_LOCALES.flatMap((l) => l.added.map((re): Rule => [re, 'joined', 'targets'])),
  ...WHATSAPP_LOCALES.flatMap((l) => l.joined.map((re): Rule => [re, 'joined', 'self'])),
];

const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function classifySystem(text: string): SystemLine | undefined {
  const clean = text.replace(BIDI, '').trim();
  for (const [re, kind, shape] of RULES) {
    const m = re.exec(clean);
    if (!m) continue;
    const actor = m[1]!.trim();
    if (shape === 'self') return { kind, actor, targets: [] };
    return { kind, actor, targets: splitNames(m[2]!) };
  }
  return undefined;
}

const ENCRYPTION = WHATSAPP_LOCALES.flatMap((l) => l.encryption.map((s) => s.toLowerCase()));

/** The end-to-end encryption notice, in any language of the table: a system line, never a post. */
export function isEncryptionNotice(text: string): boolean {
  const clean = text.replace(BIDI, '').trim().toLowerCase();
  return ENCRYPTION.some((head) => clean.startsWith(head));
}

const DELETED = new Set(WHATSAPP_LOCALES.flatMap((l) => l.deleted.map((d) => d.toLowerCase())));

/** The text WhatsApp leaves in place of a deleted message, in any language of the table. */
export function isDeletedMessage(text: string): boolean {
  return DELETED.has(text.replace(BIDI, '').trim().replace(/[.。]$/, '').toLowerCase());
}

/** "Bob, Carol and Dave" / "李四、王五和赵六" / "Bob y Carla" → names. */
function splitNames(list: string): string[] {
  return list
    .split(/, ?| and | y (?:a )?| e | und | et | и | dan | ve | و|、|，|和| 및 /)
    .map((s) => s.replace(/^a /, '').replace(BIDI, '').trim())
    .filter((s) => s.length > 0);
}

const MEDIA = new Map<string, MediaKind>(WHATSAPP_LOCALES.flatMap((l) => l.media.map(([text, kind]): [string, MediaKind] => [text.toLowerCase(), kind])));

// Placeholders that carry a file name or a link, in the languages seen so far.
const PATTERNS: [RegExp, MediaKind | 'byName'][] = [
  [/^<(?:attached|附件|anhang|adjunto|anexo|pièce jointe|allegato)[:：]\s*(.+)>$/i, 'byName'],
  [/^(.+\.\w{2,5}) \((?:file attached|文件已附上|archivo adjunto|arquivo anexado|datei angehängt|fichier joint|file allegato)\)$/i, 'byName'],
  [/^(?:location|位置|ubicación|localização|standort|position|posizione|местоположение|lokasi|konum|位置情報|위치|الموقع)[:：] ?https?:\/\/\S+$/i, 'location'],
];

export function mediaPlaceholder(text: string): { kind: MediaKind } | undefined {
  const clean = text.replace(BIDI, '').trim();
  const exact = MEDIA.get(clean.toLowerCase());
  if (exact) return { kind: exact };
  for (const [re, kind] of PATTERNS) {
    const m = re.exec(clean);
    if (!m) continue;
    return { kind: kind === 'byName' ? kindFromFileName(m[1]!) : kind };
  }
  return undefined;
}

function kindFromFileName(name: string): MediaKind {
  const n = name.toUpperCase();
  if (/PHOTO|^IMG-|\.(JPE?G|PNG|HEIC|WEBP)$/.test(n)) return n.includes('STICKER') || n.startsWith('STK-') ? 'sticker' : 'photo';
  if (/VIDEO|^VID-|\.(MP4|MOV|3GP)$/.test(n)) return 'video';
  if (/^PTT-|\.OPUS$/.test(n)) return 'voice';
  if (/AUDIO|^AUD-|\.(M4A|MP3|AAC)$/.test(n)) return 'audio';
  if (/\.GIF$|GIF/.test(n)) return 'gif';
  if (/\.VCF$/.test(n)) return 'contact';
  return 'file';
}
