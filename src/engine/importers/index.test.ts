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
});
