import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../types.js';
import { collect, fixture, importError, ofKind } from './testkit.js';
import { wechatChatlogImporter, wechatMemotraceImporter, wechatWechatmsgImporter } from './wechat.js';

describe('WeChat exports', () => {
  it('MemoTrace CSV: wxids, remarks, multi-line cells, media, link cards, merged forwards, invites and removals', async () => {
    const events = await collect(wechatMemotraceImporter.read(fixture('wechat/memotrace.csv')));
    const posts = ofKind(events, 'content.posted');
    expect(posts.map((e) => e.actorId)).toEqual(['wx:wxid_zhangsan', 'wx:wxid_lisi', 'wx:wxid_self', 'wx:wxid_wangwu', 'wx:wxid_wangwu']);
    expect(posts[0]).toMatchObject({ actorName: '张老师', at: '2019-03-01T12:15:32.000Z' });
    expect(posts[1].data?.text).toBe('@张三 谢谢邀请！\n我是李四');
    expect(posts[2].data?.media).toBe('photo');
    expect(posts[3].data?.origin).toBe('link');
    expect(posts[4].data).toMatchObject({ origin: 'forwarded', forwardedFrom: '合并转发' });
    expect(ofKind(events, 'content.mentioned')).toMatchObject([{ actorId: 'wx:wxid_lisi', targetId: 'wx:wxid_zhangsan' }]);
    expect(ofKind(events, 'member.joined').map((e) => [e.actorId, e.targetName])).toEqual([
      ['wx:wxid_zhangsan', '李四'],
      ['wx:wxid_zhangsan', '王五'],
      ['wx:wxid_lisi', '赵六'],
    ]);
    expect(ofKind(events, 'member.removed')).toMatchObject([{ actorId: 'wx:wxid_zhangsan', targetId: 'wx:wxid_wangwu' }]);
  });

  it('MemoTrace CSV with an unclosed quote raises with the line', async () => {
    const err = await importError(wechatMemotraceImporter.read(fixture('wechat/memotrace-malformed.csv')));
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/memotrace-malformed\.csv: line 2: malformed CSV/);
  });

  it('chatlog JSON: quotes become replies to the quoted author, link cards are links', async () => {
    const events = await collect(wechatChatlogImporter.read(fixture('wechat/chatlog.json')));
    const reply = ofKind(events, 'content.replied');
    expect(reply).toMatchObject([{ actorId: 'wx:wxid_lisi', targetId: 'wx:wxid_zhangsan', targetName: '张三', at: '2019-03-01T12:18:20.000Z' }]);
    expect(reply[0].data).toMatchObject({ quote: true, text: '收到，我会准时到' });
    const posts = ofKind(events, 'content.posted');
    expect(posts.find((e) => e.actorId === 'wx:wxid_wangwu' && e.data?.origin === 'link')?.data?.links).toEqual(['https://mba.example.edu.cn/admission/2020']);
    expect(ofKind(events, 'content.mentioned')).toMatchObject([{ actorId: 'wx:wxid_lisi', targetId: 'wx:wxid_zhangsan' }]);
    expect(ofKind(events, 'member.joined')).toMatchObject([{ actorId: 'wx:wxid_zhangsan', targetName: '李四' }]);
  });

  it('a truncated chatlog JSON raises', async () => {
    const err = await importError(wechatChatlogImporter.read(fixture('wechat/chatlog-truncated.json')));
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/truncated/);
  });

  it('WeChatMsg TXT: blocks by display name, system blocks without a name', async () => {
    const events = await collect(wechatWechatmsgImporter.read(fixture('wechat/wechatmsg.txt')));
    const posts = ofKind(events, 'content.posted');
    expect(posts.map((e) => e.actorName)).toEqual(['张三', '李四', '王五', '王五']);
    expect(posts[1].data?.text).toBe('@张三 谢谢邀请！\n我是李四，在职备考');
    expect(posts[2].data?.media).toBe('photo');
    expect(posts[3].data).toMatchObject({ origin: 'link', text: '2020 MBA 招生简章' });
    expect(ofKind(events, 'member.joined')).toMatchObject([{ actorId: 'wx:张三', targetId: 'wx:李四' }]);
    expect(ofKind(events, 'content.mentioned')).toMatchObject([{ actorId: 'wx:李四', targetId: 'wx:张三' }]);
  });

  it('WeChatMsg TXT with text before the first header raises with the line', async () => {
    const err = await importError(wechatWechatmsgImporter.read(fixture('wechat/wechatmsg-malformed.txt')));
    expect(err.message).toMatch(/wechatmsg-malformed\.txt: line 1: text before the first message header/);
  });
});

describe('WeChat text export encodings', () => {
  it('a GB18030 (GBK) file from an older tool is decoded, not mangled', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wx-'));
    try {
      const file = join(dir, 'gbk.txt');
      // "2019-03-01 20:15:32 张三\n你好\n" with 张三 = D5C5 C8FD and 你好 = C4E3 BAC3 in GBK
      const gbk = (hex: string) => Buffer.from(hex, 'hex');
      await writeFile(file, Buffer.concat([Buffer.from('2019-03-01 20:15:32 '), gbk('d5c5c8fd'), Buffer.from('\n'), gbk('c4e3bac3'), Buffer.from('\n')]));
      const events = await collect(wechatWechatmsgImporter.read(file));
      expect(events).toMatchObject([{ actorName: '张三', data: { text: '你好' } }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
