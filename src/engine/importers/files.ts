/**
 * File access shared by the importers: sizes, heads, and a streaming line
 * reader that copes with the encodings chat exports come in (UTF-8 with or
 * without BOM, UTF-16 with BOM from Windows tools, GB18030 from older QQ/WeChat tools).
 */
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ImportError, type ImportOptions } from '../types.js';

export async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    return s.size;
  } catch (err) {
    throw unreadable(path, err);
  }
}

export function unreadable(path: string, err: unknown): ImportError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : String((err as Error)?.message ?? err);
  return new ImportError(path, `cannot read the input (${why}); expected a chat export file or folder`);
}

export async function readHead(path: string, bytes = 64 * 1024): Promise<Buffer> {
  let fh;
  try {
    fh = await open(path, 'r');
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } catch (err) {
    throw unreadable(path, err);
  } finally {
    await fh?.close();
  }
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function detectEncoding(head: Buffer): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    // stream: the head may end inside a character, which is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export function decodeHead(head: Buffer): string {
  return new TextDecoder(detectEncoding(head)).decode(head).replace(/^\uFEFF/, '');
}

/**
 * Lines of a text file, numbered from 1, without line terminators. Memory is
 * one chunk, whatever the file size.
 */
export async function* readLines(path: string, options?: ImportOptions): AsyncGenerator<{ text: string; no: number }> {
  const bytesTotal = await fileSize(path);
  const encoding = detectEncoding(await readHead(path));
  const decoder = new TextDecoder(encoding);
  let rest = '';
  let no = 0;
  let bytesRead = 0;
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      let text = rest + decoder.decode(chunk, { stream: true });
      if (first) {
        text = text.replace(/^\uFEFF/, '');
        first = false;
      }
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) yield { text: p.endsWith('\r') ? p.slice(0, -1) : p, no: ++no };
      options?.onProgress?.({ bytesRead, bytesTotal });
    }
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw unreadable(path, err);
  }
  rest += decoder.decode();
  if (rest.length > 0) yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, no: ++no };
}

/** Every file under a folder (relative '/'-separated path → size), in name order. */
export async function listFiles(root: string, limit = Infinity): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const queue = [root];
  while (queue.length > 0 && out.size < limit) {
    const dir = queue.shift()!;
    let items;
    try {
      items = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      throw unreadable(dir, err);
    }
    items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const it of items) {
      const full = join(dir, it.name);
      if (it.isDirectory()) queue.push(full);
      else if (it.isFile() && out.size < limit) out.set(relative(root, full).split('\\').join('/'), (await stat(full)).size);
    }
  }
  return out;
}
