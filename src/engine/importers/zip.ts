/**
 * Zip access for folder-shaped exports (Slack) through yauzl: entries are
 * listed from the central directory and read one at a time, so a zip far
 * larger than memory is fine.
 */
import yauzl from 'yauzl';
import { ImportError } from '../types.js';

export function isZip(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06);
}

export interface OpenedZip {
  entries: yauzl.Entry[];
  read(entry: yauzl.Entry, maxBytes?: number): Promise<Buffer>;
  close(): void;
}

export async function openZip(path: string): Promise<OpenedZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (err) {
    throw new ImportError(path, `not a readable zip archive (${(err as Error).message})`);
  }
  const entries: yauzl.Entry[] = [];
  try {
    for await (const e of zip.eachEntry()) if (!e.fileName.endsWith('/')) entries.push(e);
  } catch (err) {
    zip.close();
    throw new ImportError(path, `damaged zip archive (${(err as Error).message})`);
  }
  return {
    entries,
    async read(entry, maxBytes = Infinity) {
      const chunks: Buffer[] = [];
      let total = 0;
      try {
        const stream = await zip.openReadStreamPromise(entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          chunks.push(chunk);
          total += chunk.length;
          if (total >= maxBytes) {
            stream.destroy();
            break;
          }
        }
      } catch (err) {
        throw new ImportError(`${path}:${entry.fileName}`, `damaged zip entry (${(err as Error).message})`);
      }
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}

export async function zipEntries(path: string): Promise<yauzl.Entry[]> {
  const z = await openZip(path);
  z.close();
  return z.entries;
}

export async function zipEntryHead(path: string, name: string, bytes = 64 * 1024): Promise<Buffer> {
  const z = await openZip(path);
  try {
    const entry = z.entries.find((e) => e.fileName === name);
    return entry ? (await z.read(entry, bytes)).subarray(0, bytes) : Buffer.alloc(0);
  } finally {
    z.close();
  }
}
