import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../types.js';
import { openImport } from './index.js';
import { collect, fixture } from './testkit.js';

describe('format detection', () => {
  const cases: [string, string][] = [
    ['telegram/result.json', 'telegram'],
    ['discord/channel.json', 'discord'],
    ['whatsapp/android-en.txt', 'whatsapp'],
    ['whatsapp/ios-en.txt', 'whatsapp'],
    ['whatsapp/android-zh.txt', 'whatsapp'],
    ['slack/workspace', 'slack'],
    ['slack/workspace.zip', 'slack'],
    ['qq/group.txt', 'qq'],
    ['wechat/memotrace.csv', 'wechat-memotrace'],
    ['wechat/chatlog.json', 'wechat-chatlog'],
    ['wechat/wechatmsg.txt', 'wechat-wechatmsg'],
  ];
  for (const [file, format] of cases) {
    it(`recognizes ${file} as ${format}`, async () => {
      const opened = await openImport(fixture(file));
      expect(opened.format).toBe(format);
      expect(opened.bytesTotal).toBeGreaterThan(0);
      expect((await collect(opened.events)).length).toBeGreaterThan(3);
    });
  }

  it('--format overrides detection', async () => {
    // a WhatsApp file read as QQ is rejected by the QQ reader, naming the line
    const opened = await openImport(fixture('whatsapp/android-en.txt'), { format: 'qq' });
    expect(opened.format).toBe('qq');
    await expect(collect(opened.events)).rejects.toThrow(/android-en\.txt: line 1: text before the first message header/);
  });

  it('reports progress up to the whole file', async () => {
    const seen: number[] = [];
    const opened = await openImport(fixture('telegram/result.json'), { onProgress: (p) => seen.push(p.bytesRead / p.bytesTotal) });
    await collect(opened.events);
    expect(seen.at(-1)).toBe(1);
  });

  it('an unknown file, an unknown format name and a missing file are clear errors', async () => {
    const unknown = openImport(fixture('whatsapp/malformed.txt'));
    await expect(unknown).rejects.toBeInstanceOf(ImportError);
    await expect(unknown).rejects.toThrow(/cannot tell which chat export this is; expected one of: Telegram Desktop JSON/);
    await expect(openImport(fixture('telegram/result.json'), { format: 'icq' })).rejects.toThrow(/unknown format "icq"; expected one of telegram, discord/);
    await expect(openImport(fixture('nope/result.json'))).rejects.toThrow(/nope\/result\.json: start of file: cannot read the input \(file not found\)/);
  });

  it('a Telegram export folder is read through its result.json; other formats want the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'open-'));
    try {
      const folder = join(dir, 'ChatExport_2019-03-05');
      await mkdir(join(folder, 'photos'), { recursive: true });
      await copyFile(fixture('telegram/result.json'), join(folder, 'result.json'));
      await copyFile(fixture('telegram/result.json'), join(folder, 'photos', 'photo_1.jpg'));
      const opened = await openImport(folder);
      expect(opened.format).toBe('telegram');
      expect(await collect(opened.events)).toEqual(await collect((await openImport(fixture('telegram/result.json'))).events));
      await expect(openImport(folder, { format: 'whatsapp' })).rejects.toThrow(/is a folder or zip; the WhatsApp chat export \(\.txt\) importer reads the export file itself/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
