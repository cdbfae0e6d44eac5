import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../types.js';
import { openImport } from './index.js';
import { qqImporter } from './qq.js';
import { collect, fixture, importError, ofKind } from './testkit.js';

describe('QQ message-manager .txt export', () => {
  it('reads message blocks, QQ numbers and e-mail ids, placeholders, mentions and system messages', async () => {
    const events = await collect(qqImporter.read(fixture('qq/group.txt')));
    const posts = ofKind(events, 'content.posted');
    expect(posts.map((e) => [e.actorId, e.actorName])).toEqual([
      ['qq:12345678', '张三'],
      ['qq:lisi@example.com', '李四'],
      ['qq:87654321', '王五'],
      ['qq:12345678', '张三'],
      ['qq:lisi@example.com', '李四'],
    ]);
    expect(posts[0].at).toBe('2019-03-01T20:15:32.000Z');
    expect(posts[1].data).toMatchObject({ media: 'photo', text: '这是我整理的公式表' });
    expect(posts[2].data?.text).toBe('@张三 老师，第三题的思路能再讲一遍吗？\n我没听懂条件二');
    expect(posts[3].data?.origin).toBe('link');
    expect(posts[4].data).toMatchObject({ media: 'sticker', text: '' });
    expect(ofKind(events, 'content.mentioned')).toMatchObject([{ actorId: 'qq:87654321', targetId: 'qq:12345678' }]);
    expect(ofKind(events, 'member.joined')).toMatchObject([{ targetId: 'qq:11223344', targetName: '赵六' }]);
    expect(ofKind(events, 'member.left')).toMatchObject([{ targetId: 'qq:87654321' }]);
    expect(ofKind(events, 'member.removed')).toMatchObject([{ actorId: 'qq:12345678', targetId: 'qq:11223344' }]);
  });

  it('an impossible date raises with its line', async () => {
    const err = await importError(qqImporter.read(fixture('qq/malformed.txt')));
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/malformed\.txt: line 7: invalid date/);
  });
});

describe('QQ export encodings', () => {
  it('reads a UTF-16 export with BOM (older QQ versions) like the UTF-8 one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qq-'));
    try {
      const text = (await readFile(fixture('qq/group.txt'), 'utf8')).replace(/^\uFEFF/, '').replace(/\n/g, '\r\n');
      const file = join(dir, 'group-utf16.txt');
      await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const opened = await openImport(file);
      expect(opened.format).toBe('qq');
      const events = await collect(opened.events);
      expect(events).toEqual(await collect(qqImporter.read(fixture('qq/group.txt'))));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
