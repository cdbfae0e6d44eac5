import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The benchmark's generator: members chat in a mesh; a few post more, little of it substantial.
import { writeTelegramExport } from '../../../bench/generate.mjs';
import { openImport } from '../importers/index.js';
import { analyze } from './index.js';

describe('the verdict and its evidence agree', () => {
  it('a chatter group whose core posts little substance does not show core supply as met', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'shequn-verdict-')), 'result.json');
    await writeTelegramExport(file, 20_000, 42);
    const opened = await openImport(file);
    const result = await analyze(opened.events, { format: opened.format, path: file });
    expect(result.verdict.kind).toBe('chatter');
    expect(result.verdict.reasons).toContain('core_weak');
    const core = result.conditions.find((c) => c.id === 'coreSupply')!;
    expect(core.status).not.toBe('met');
  });
});
