/** `shequn import`: prints what it added and skipped; an unknown community or a bad file is exit code 2. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../kernel/http/testing.js';
import { createCommunity } from '../features/communities/index.js';
import { charter, makeUser } from '../features/communities/testing.js';
import { writeTelegramExport } from '../features/health/testing.js';
import { runImportCommand } from './import.js';

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) } } };
}

describe('shequn import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const owner = await makeUser(t.db.kysely);
    await createCommunity(t.ctx, owner, charter('cli-group'));
  });
  afterAll(() => t?.close());

  it('imports an export, and says nothing was added the second time', async () => {
    const file = await writeTelegramExport({ weeks: 2 });
    const first = io();
    expect(await runImportCommand(t.ctx, file, { community: 'cli-group' }, first.io)).toBe(0);
    const added = Number(/added (\d+) events, skipped 0/.exec(first.out.stdout)?.[1]);
    expect(added).toBeGreaterThan(50);
    const second = io();
    expect(await runImportCommand(t.ctx, file, { community: 'cli-group' }, second.io)).toBe(0);
    expect(second.out.stdout).toContain(`added 0 events, skipped ${added} already imported`);
  });

  it('an unknown community or a file that is no export exits 2 with a message', async () => {
    const a = io();
    expect(await runImportCommand(t.ctx, await writeTelegramExport(), { community: 'nope' }, a.io)).toBe(2);
    expect(a.out.stderr).toContain('no such community');
    const b = io();
    expect(await runImportCommand(t.ctx, '/nonexistent/export.json', { community: 'cli-group' }, b.io)).toBe(2);
    expect(b.out.stderr).toContain('export.json');
  });
});
