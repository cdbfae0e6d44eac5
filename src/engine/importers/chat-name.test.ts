import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openImport } from './index.js';

const fixture = (...p: string[]) => join(import.meta.dirname, '../../../test/fixtures/chat', ...p);

/** The report's header names the group, not the file, wherever the export says its name. */
describe('the chat name an export states', () => {
  it.each([
    ['telegram', fixture('telegram/result.json'), '北大MBA备考群'],
    ['discord', fixture('discord/channel.json'), '开源社区 Shequn #general'],
    ['qq', fixture('qq/group.txt'), '北大MBA备考群'],
  ])('%s', async (_format, file, name) => {
    const opened = await openImport(file);
    expect(opened.chatName).toContain(name);
  });

  it('whatsapp, from the file name WhatsApp gives the export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shequn-wa-'));
    const file = join(dir, 'WhatsApp Chat with 跑步打卡群.txt');
    copyFileSync(fixture('whatsapp/android-en.txt'), file);
    expect((await openImport(file)).chatName).toBe('跑步打卡群');
    expect((await openImport(fixture('whatsapp/android-en.txt'))).chatName).toBeNull();
  });

  it('is null where the format has no name (Slack workspace)', async () => {
    expect((await openImport(fixture('slack/workspace'))).chatName).toBeNull();
  });
});
