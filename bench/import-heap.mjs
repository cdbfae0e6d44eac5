// Run with --expose-gc: streams a generated Telegram export through the built importer and
// prints the heap after 50,000 messages and at the end, as one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { telegramImporter } from '../dist/engine/importers/telegram.js';
import { writeTelegramExport } from './generate.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const total = Number(process.argv[2] ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), 'shequn-bench-heap-'));
try {
  const file = join(dir, 'export.json');
  await writeTelegramExport(file, total, 7);
  let messages = 0;
  let heapAt50k = 0;
  for await (const ev of telegramImporter.read(file)) {
    if (ev.kind !== 'content.posted' && ev.kind !== 'content.replied') continue;
    if (++messages === 50_000) {
      globalThis.gc();
      heapAt50k = process.memoryUsage().heapUsed;
    }
  }
  globalThis.gc();
  console.log(JSON.stringify({ messages, heapAt50k, heapAtEnd: process.memoryUsage().heapUsed }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
