/**
 * Text → search terms, the same at index and query time (one function each, so
 * they cannot drift): NFKC, lower case, Traditional → Simplified (opencc, so
 * 「張偉」 and 「张伟」 are one term), then jieba words plus every Chinese
 * character on its own (a name searched by one character still finds it), and
 * Latin/digit runs split on punctuation (an email's parts).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js';

const HAN = /\p{Script=Han}/u;
/** A term is a run of letters/digits; anything else separates terms. */
const SEPARATOR = /[^\p{L}\p{N}]+/u;
/** Terms longer than this are cut: they only bloat the index. */
const MAX_TERM = 40;

let jieba: Jieba | undefined;
let toSimplified: ((s: string) => string) | undefined;

/** The folded form everything is compared in. */
export function fold(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text.normalize('NFKC').toLowerCase());
}

/** Terms stored for a document: words, their Chinese characters, distinct. */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of words(text)) {
    terms.add(word);
    if (HAN.test(word)) for (const ch of word) if (HAN.test(ch)) terms.add(ch);
  }
  return [...terms];
}

/**
 * What a query asks for: every word must match, each as a prefix of a stored
 * term. A Chinese word also matches as its characters together, because the
 * same name can be segmented differently inside a longer text (「小明」 alone,
 * 「王小明」 in a display name).
 */
export interface QueryTerm {
  word: string;
  chars: string[];
}

export function queryTerms(text: string): QueryTerm[] {
  return [...new Set(words(text))].slice(0, 8).map((word) => ({ word, chars: HAN.test(word) && [...word].length > 1 ? [...word].filter((c) => HAN.test(c)) : [] }));
}

function words(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  const out: string[] = [];
  for (const token of jieba.cut(fold(text), false)) {
    for (const part of token.split(SEPARATOR)) if (part) out.push(part.slice(0, MAX_TERM));
  }
  return out;
}
