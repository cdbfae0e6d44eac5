/**
 * Streams the elements of one big JSON array (Telegram's and Discord's
 * `"messages": [...]`, a chatlog JSON root array) without building the whole
 * document: the file is read in large Buffer chunks, each element is cut out by
 * brace depth (skipping strings with native indexOf), and a whole chunk's worth
 * of elements is handed to the native JSON.parse at once. A generic streaming
 * tokenizer in JS is several times slower than JSON.parse; this stays close to it.
 *
 * Memory: one chunk plus the parsed elements of one chunk. 1 MiB chunks measured
 * a little faster than 4 or 16 MiB (young objects die young) and use less memory.
 */
import { createReadStream } from 'node:fs';
import { ImportError } from '../types.js';
import { unreadable } from './files.js';

export interface ScannedBatch {
  values: unknown[];
  /** Absolute byte offset of the first element. */
  byte: number;
  /** Absolute byte offset of element n of this batch, for error messages. */
  locate(n: number): number;
}

export interface ScanOptions {
  /** The array is the value of this key of the root object; undefined = the root is the array. */
  key?: string;
  /** What the file should be, for error messages ("a Telegram Desktop export (result.json)"). */
  expected: string;
  chunkBytes?: number;
  onBytes?: (bytesRead: number) => void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index of the quote closing the string whose opening quote is at `open`, or -1 if not in `buf`. */
function stringEnd(buf: Buffer, open: number): number {
  let j = open + 1;
  for (;;) {
    j = buf.indexOf(QUOTE, j);
    if (j === -1) return -1;
    let k = j - 1;
    while (buf[k] === BACKSLASH) k--;
    if ((j - 1 - k) % 2 === 0) return j;
    j++;
  }
}

/**
 * End (exclusive) of the object/array starting at `start`, or -1 if it runs past `buf`.
 */
function elementEnd(buf: Buffer, start: number): number {
  let depth = 0;
  const len = buf.length;
  for (let i = start; i < len; i++) {
    const c = buf[i];
    if (c === QUOTE) {
      i = stringEnd(buf, i);
      if (i === -1) return -1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

export async function* scanJsonArray(file: string, opts: ScanOptions): AsyncGenerator<ScannedBatch> {
  try {
    yield* scan(file, opts);
  } catch (err) {
    throw err instanceof ImportError ? await withLine(err) : unreadable(file, err);
  }
}

/** Adds line and column to an ImportError that only knows its byte offset. */
export async function withLine(err: unknown): Promise<unknown> {
  if (!(err instanceof ImportError) || err.position.byte === undefined || err.position.line !== undefined) return err;
  const { line, column } = await lineAt(err.file, err.position.byte);
  return new ImportError(err.file, `${err.expected} (byte ${err.position.byte})`, { line, column, byte: err.position.byte });
}

async function lineAt(file: string, byte: number): Promise<{ line: number; column: number }> {
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  const stream = createReadStream(file, { end: Math.max(0, byte - 1), highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let j = chunk.indexOf(0x0a); j !== -1; j = chunk.indexOf(0x0a, j + 1)) {
      line++;
      lineStart = offset + j + 1;
    }
    offset += chunk.length;
  }
  return { line, column: byte - lineStart + 1 };
}

async function* scan(file: string, opts: ScanOptions): AsyncGenerator<ScannedBatch> {
  const stream = createReadStream(file, { highWaterMark: opts.chunkBytes ?? 1024 * 1024 });
  // 0 = before the array, 1 = inside it, 2 = after it
  let phase: 0 | 1 | 2 = 0;
  let depth = 0; // nesting depth outside the array's elements
  let inString = false;
  let escaped = false;
  let keyBytes: number[] | null = null;
  let lastString = '';
  let expectValueForKey = false;
  let needComma = false;
  let sawElement = false;
  // "\n  }" for a pretty-printed file (the indentation of the elements), null if compact
  let closeSeq: Buffer | null | undefined;
  let carry: Buffer | null = null;
  let base = 0; // absolute offset of buf[0]
  let bytesRead = 0;
  const fail = (byte: number, what: string): ImportError => new ImportError(file, `${what}; expected ${opts.expected}`, { byte });

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    // a UTF-8 byte order mark is allowed before the document
    let i = base === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    const len = buf.length;
    if (phase === 0) {
      for (; i < len && phase === 0; i++) {
        const c = buf[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) {
            inString = false;
            if (keyBytes) lastString = Buffer.from(keyBytes).toString('utf8');
            keyBytes = null;
          } else if (keyBytes && keyBytes.length < 64) keyBytes.push(c);
          continue;
        }
        if (c === QUOTE) {
          inString = true;
          keyBytes = depth === 1 ? [] : null;
        } else if (c === COLON) {
          expectValueForKey = depth === 1 && lastString === opts.key;
        } else if (c === OPEN_BRACKET && ((opts.key === undefined && depth === 0) || (depth === 1 && expectValueForKey))) {
          phase = 1;
          depth++;
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          if (depth === 0 && opts.key === undefined) throw fail(base + i, 'the file is not a JSON array');
          depth++;
          expectValueForKey = false;
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          depth--;
        } else if (!isSpace(c) && depth === 0) {
          throw fail(base + i, i === 0 && base === 0 ? 'the file is not JSON' : 'unexpected text after the JSON document');
        } else if (c === COMMA) {
          expectValueForKey = false;
        }
      }
    }
    if (phase === 1) {
      let starts: number[] = [];
      let firstStart = -1;
      let lastEnd = -1;
      let triedFast = false;
      while (i < len) {
        const c = buf[i];
        if (isSpace(c)) {
          i++;
        } else if (c === COMMA && needComma) {
          needComma = false;
          i++;
        } else if (c === CLOSE_BRACKET) {
          if (sawElement && !needComma) throw fail(base + i, "a ',' before ']' (trailing comma)");
          phase = 2;
          depth--;
          i++;
          break;
        } else if ((c === OPEN_BRACE || c === OPEN_BRACKET) && !needComma) {
          sawElement = true;
          if (closeSeq === undefined) closeSeq = detectCloseSeq(buf, i);
          if (closeSeq && !triedFast && firstStart === -1) {
            triedFast = true;
            const fast = fastBatch(buf, i, closeSeq, base);
            if (fast) {
              yield fast.batch;
              i = fast.end;
              needComma = true;
              continue;
            }
          }
          const end = elementEnd(buf, i);
          if (end === -1) break;
          if (firstStart === -1) firstStart = i;
          lastEnd = end;
          starts.push(base + i);
          i = end;
          needComma = true;
        } else {
          throw fail(base + i, needComma ? "expected ',' or ']' between messages" : 'expected a message object');
        }
      }
      if (firstStart !== -1) {
        const values = parseBatch(buf, firstStart, lastEnd, starts, base, fail);
        const known = starts;
        yield { values, byte: known[0], locate: (n: number) => known[n] ?? known[0] };
        starts = [];
      }
      if (phase === 1) {
        carry = buf.subarray(i);
        base += i;
        opts.onBytes?.(bytesRead);
        continue;
      }
    }
    if (phase === 2) {
      for (; i < len; i++) {
        const c = buf[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) inString = false;
        } else if (c === QUOTE) inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          depth--;
          if (depth < 0) throw fail(base + i, 'unbalanced brackets after the messages array');
        } else if (depth === 0 && !isSpace(c)) throw fail(base + i, 'unexpected text after the JSON document');
      }
    }
    base += len;
    opts.onBytes?.(bytesRead);
  }
  const end = base + (carry?.length ?? 0);
  if (phase === 0) {
    throw fail(end, opts.key ? `no top-level "${opts.key}" array found` : 'no JSON array found');
  }
  if (phase === 1) throw fail(end, `the file ends inside the ${opts.key ? `"${opts.key}" ` : ''}array (truncated export?)`);
  if (depth !== 0 || inString) throw fail(end, 'the file ends before the JSON document is closed (truncated export?)');
}

/**
 * In a pretty-printed export each element closes with a newline, the element
 * indentation and "}", a sequence that cannot occur inside a JSON string (raw
 * newlines are not allowed there) nor deeper in the element (deeper lines are
 * indented more). So the last such sequence in the chunk ends the last whole
 * element, found without a byte loop; JSON.parse then checks the cut, and any
 * surprise falls back to the exact byte scan.
 */
function detectCloseSeq(buf: Buffer, open: number): Buffer | null | undefined {
  let j = open - 1;
  while (j >= 0 && (buf[j] === 0x20 || buf[j] === 0x09)) j--;
  if (j < 0) return undefined; // decide on a later element
  if (buf[j] !== 0x0a) return null;
  const close = buf[open] === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
  return Buffer.concat([buf.subarray(j, open), Buffer.from([close])]);
}

function fastBatch(buf: Buffer, start: number, closeSeq: Buffer, base: number): { batch: ScannedBatch; end: number } | undefined {
  const cut = buf.lastIndexOf(closeSeq);
  if (cut <= start) return undefined;
  const end = cut + closeSeq.length;
  let values: unknown[];
  try {
    values = JSON.parse(`[${buf.toString('utf8', start, end)}]`) as unknown[];
  } catch {
    return undefined;
  }
  let starts: number[] | undefined;
  const locate = (n: number): number => {
    // Only on an error: find the element starts by the exact scan.
    if (!starts) {
      starts = [];
      for (let i = start; i < end; ) {
        const c = buf[i];
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          starts.push(base + i);
          i = elementEnd(buf, i);
        } else i++;
      }
    }
    return starts[n] ?? base + start;
  };
  return { batch: { values, byte: base + start, locate }, end };
}

function parseBatch(
  buf: Buffer,
  from: number,
  to: number,
  starts: number[],
  base: number,
  fail: (byte: number, what: string) => ImportError,
): unknown[] {
  try {
    return JSON.parse(`[${buf.toString('utf8', from, to)}]`) as unknown[];
  } catch {
    // Find the culprit element so the message can point at it.
    for (let n = 0; n < starts.length; n++) {
      const s = starts[n] - base;
      const e = n + 1 < starts.length ? starts[n + 1] - base : to;
      const text = buf.toString('utf8', s, e).replace(/,\s*$/, '');
      try {
        JSON.parse(text);
      } catch (err) {
        const pos = /position (\d+)/.exec(String((err as Error).message));
        const offset = pos ? Buffer.byteLength(text.slice(0, Number(pos[1]))) : 0;
        throw fail(starts[n] + offset, `malformed JSON in a message (${(err as Error).message})`);
      }
    }
    throw fail(base + from, 'malformed JSON');
  }
}
