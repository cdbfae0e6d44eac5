import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runs } from '../../../test/support/property.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script shared with the benchmark
import { writeTelegramExport } from '../../../bench/generate.mjs';
import { scanJsonArray } from './jsonArrayScanner.js';
import { telegramImporter } from './telegram.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scan-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scanAll(file: string, chunkBytes: number, key?: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const b of scanJsonArray(file, { key, expected: 'test data', chunkBytes })) out.push(...b.values);
  return out;
}

describe('JSON array scanner', () => {
  it('yields exactly what JSON.parse sees, whatever the chunk size, indentation and string content', async () => {
    const str = fc.string({ unit: fc.constantFrom('a', '中', '"', '\\', '}', '{', ']', '[', '\n', ',', ' ', '😀') });
    const message = fc.record({ id: fc.integer(), text: str, nested: fc.array(fc.record({ t: str }), { maxLength: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(message, { maxLength: 30 }), fc.constantFrom(0, 1, 2, 4), fc.integer({ min: 1, max: 300 }), async (messages, indent, chunk) => {
        const file = join(dir, 'prop.json');
        await writeFile(file, JSON.stringify({ name: 'x', meta: { messages: 'not this one' }, messages, after: [1, { a: '}' }] }, null, indent));
        expect(await scanAll(file, chunk, 'messages')).toEqual(messages);
      }),
      runs(60),
    );
  });

  it('reads a root array and rejects what is not one', async () => {
    const file = join(dir, 'root.json');
    await writeFile(file, '\uFEFF[{"a":1},\n{"a":2}]\n');
    expect(await scanAll(file, 5)).toEqual([{ a: 1 }, { a: 2 }]);
    await writeFile(file, '{"a":[]}');
    await expect(scanAll(file, 64)).rejects.toThrow(/not a JSON array/);
    await writeFile(file, '[{"a":1},]');
    await expect(scanAll(file, 64)).rejects.toThrow(/trailing comma/);
    await writeFile(file, '[{"a":1} {"a":2}]');
    await expect(scanAll(file, 64)).rejects.toThrow(/expected ',' or '\]'/);
    await writeFile(file, '[{"a":1}] extra');
    await expect(scanAll(file, 64)).rejects.toThrow(/unexpected text after/);
  });

  // How much heap this takes is a figure, not a verdict: `npm run bench` prints it (bench/checks.mjs).
  it('streams a large export to the end, one event per message', async () => {
    const file = join(dir, 'big.json');
    await writeTelegramExport(file, 50_000, 7);
    let n = 0;
    for await (const ev of telegramImporter.read(file)) if (ev.kind === 'content.posted' || ev.kind === 'content.replied') n++;
    expect(n).toBeGreaterThan(49_000);
    expect(n).toBeLessThanOrEqual(50_000);
  }, 120_000);
});
