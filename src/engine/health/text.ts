/**
 * Text rules of the health engine: what counts as a greeting (打招呼), what
 * counts as a substantial original post, and a cheap fingerprint for spotting
 * repeated text (ads pasted again and again).
 */
import type { MediaKind } from '../../kernel/activity/taxonomy.js';

/**
 * Greeting words in the three UI languages. A message is a greeting when, once
 * normalized, it is short and contains one of these: "大家好，我是小王" counts,
 * a paragraph that starts with "大家好" does not.
 */
const CJK_GREETING = new RegExp(
  [
    '大家好', '你好', '您好', '各位好', '哈喽', '哈囉', '嗨', '新人', '报到', '報到', '进群', '進群', '入群',
    '初来乍到', '初來乍到', '请多关照', '請多關照', '多多关照', '多多關照', '多多指教', '谢谢邀请', '謝謝邀請',
    '感谢拉群', '感謝拉群', '早上好', '早安', '晚上好', '大家早',
  ].join('|'),
);
/** Latin greetings match whole words only, so "this" is not "hi". */
const LATIN_GREETING =
  /\b(hello|hi|hey|hiya|howdy|greetings|good (morning|evening)|nice to meet|glad to be here|thanks for (having me|the invite)|new here)\b/i;

/** Normalized greetings are at most this many characters. */
export const GREETING_MAX_CHARS = 20;

/** Lowercase, drop punctuation, symbols, emoji and whitespace. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function isGreeting(text: string | undefined): boolean {
  if (!text || text.length > GREETING_MAX_CHARS * 3) return false;
  // Count what normalization would keep without building the string: this runs on every message.
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) : !isSkipped(c)) kept++;
  }
  if (kept === 0 || kept > GREETING_MAX_CHARS) return false;
  return CJK_GREETING.test(text) || LATIN_GREETING.test(text);
}

/**
 * Original posts that carry something: ≥ 50 characters of text, or a
 * document/picture/video/poll. A CJK character counts 3: one Chinese character
 * carries about what three Latin letters do ("面试的时候要注意自我介绍控制在两分钟以内",
 * 20 characters, says as much as a 60-letter English sentence).
 */
export const SUBSTANTIAL_TEXT_CHARS = 50;
export const CJK_CHAR_WEIGHT = 3;
const SUBSTANTIAL_MEDIA: ReadonlySet<MediaKind> = new Set(['photo', 'video', 'file', 'audio', 'poll']);

export function isSubstantial(text: string | undefined, textLength: number, media: MediaKind | undefined): boolean {
  if (media !== undefined && SUBSTANTIAL_MEDIA.has(media)) return true;
  if (text === undefined) return textLength >= SUBSTANTIAL_TEXT_CHARS;
  if (text.length >= SUBSTANTIAL_TEXT_CHARS) return true;
  if (text.length * CJK_CHAR_WEIGHT < SUBSTANTIAL_TEXT_CHARS) return false;
  let weight = 0;
  for (let i = 0; i < text.length && weight < SUBSTANTIAL_TEXT_CHARS; i++) weight += isCjk(text.charCodeAt(i)) ? CJK_CHAR_WEIGHT : 1;
  return weight >= SUBSTANTIAL_TEXT_CHARS;
}

function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);
}

/** Texts shorter than this (normalized) are never "repeated text": "ok", "哈哈哈" repeat innocently. */
export const REPEAT_MIN_CHARS = 12;

/**
 * 32-bit FNV-1a of the normalized text, or 0 when the text is too short to judge.
 * Normalizes on the fly (ASCII letters and digits lowercased, other ASCII, general
 * and CJK punctuation, full-width symbols and astral-plane emoji skipped) because
 * this runs on every message.
 */
export function textFingerprint(text: string | undefined): number {
  if (!text || text.length < REPEAT_MIN_CHARS) return 0;
  const end = Math.min(text.length, 2000);
  let h = 0x811c9dc5;
  let kept = 0;
  for (let i = 0; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    } else if (isSkipped(c)) continue;
    h ^= c;
    h = Math.imul(h, 0x01000193);
    kept++;
  }
  if (kept < REPEAT_MIN_CHARS) return 0;
  return h >>> 0 || 1;
}

function isSkipped(c: number): boolean {
  return (
    c <= 0xbf || // Latin-1 punctuation and symbols
    (c >= 0x2000 && c <= 0x2bff) || // general punctuation, arrows, symbols, dingbats
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation 。、「」
    (c >= 0xd800 && c <= 0xdfff) || // surrogates: emoji
    (c >= 0xfe00 && c <= 0xfe6f) || // variation selectors, small forms
    (c >= 0xff00 && c <= 0xff20) || // full-width punctuation ！，
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65)
  );
}
