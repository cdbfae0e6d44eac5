import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../types.js';
import { telegramImporter } from './telegram.js';
import { collect, fixture, importError, ofKind } from './testkit.js';

describe('Telegram Desktop export', () => {
  it('reads messages, replies, forwards, links, mentions, reactions and media', async () => {
    const events = await collect(telegramImporter.read(fixture('telegram/result.json')));
    const content = events.filter((e) => e.kind === 'content.posted' || e.kind === 'content.replied');
    expect(content).toHaveLength(7);
    const first = content[0];
    expect(first).toMatchObject({ actorId: 'user111', actorName: '张三', at: '2019-03-01T12:15:32.000Z', objectId: '2' });
    expect(first.data?.text).toBe('大家好，这是北大MBA备考群，先做个自我介绍吧');

    const reply = content.find((e) => e.objectId === '3')!;
    expect(reply).toMatchObject({ kind: 'content.replied', actorId: 'user222', targetId: 'user111', targetName: '张三' });
    expect(reply.data?.replyToObjectId).toBe('2');

    const forward = content.find((e) => e.objectId === '5')!;
    expect(forward.data).toMatchObject({ origin: 'forwarded', forwardedFrom: 'MBA资讯频道', links: ['https://mba.example.edu.cn/news/2020'] });
    expect(content.find((e) => e.objectId === '6')!.data?.origin).toBe('link');

    const mentions = ofKind(events, 'content.mentioned');
    expect(mentions.map((m) => m.targetId)).toEqual(['user333', 'username:zhaoliu_mba']);
    expect(mentions[0]).toMatchObject({ actorId: 'user111', targetName: '王五' });

    expect(content.find((e) => e.objectId === '8')!.data?.media).toBe('photo');
    const sticker = content.find((e) => e.objectId === '9')!;
    expect(sticker).toMatchObject({ kind: 'content.replied', targetId: 'user333' });
    expect(sticker.data?.media).toBe('sticker');

    const [reaction] = ofKind(events, 'content.reacted');
    // the reaction's local date is shifted by the export's own offset (+08:00 here)
    expect(reaction).toMatchObject({ actorId: 'user111', targetId: 'user222', at: '2019-03-01T12:17:00.000Z' });
  });

  it('reads joins, invites, removals, self-leaves, pins and other service messages', async () => {
    const events = await collect(telegramImporter.read(fixture('telegram/result.json')));
    const joined = ofKind(events, 'member.joined');
    expect(joined.map((e) => e.targetName)).toEqual(['张三', '李四', '王五', '赵六']);
    expect(joined[0].targetId).toBe('user111'); // the creator's name resolves through actor_id
    expect(joined[2]).toMatchObject({ actorId: 'user333', targetId: 'user333' }); // joined by link
    expect(joined[3]).toMatchObject({ actorId: 'user111', targetId: 'name:赵六' }); // invited by 张三
    expect(ofKind(events, 'member.removed')).toMatchObject([{ actorId: 'user111', targetId: 'user333' }]);
    expect(ofKind(events, 'member.left')).toMatchObject([{ actorId: 'user222', targetId: 'user222' }]);
    expect(ofKind(events, 'content.pinned')).toMatchObject([{ actorId: 'user111', objectId: '8', targetId: 'user333' }]);
    expect(ofKind(events, 'system.other').map((e) => e.data?.action)).toEqual(['create_group', 'edit_group_title']);
  });

  it('a truncated export raises with the file and position instead of a short result', async () => {
    const file = fixture('telegram/truncated.json');
    const err = await importError(telegramImporter.read(file));
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/truncated/);
    expect(err.position).toMatchObject({ byte: 2400, line: 116 });
  });

  it('a malformed message names its line', async () => {
    const err = await importError(telegramImporter.read(fixture('telegram/malformed.json')));
    expect(err).toBeInstanceOf(ImportError);
    expect(err.position?.line).toBe(111);
    expect(err.message).toMatch(/malformed JSON/);
  });

  it('a file cut right after a whole message still counts as truncated', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tg-'));
    try {
      const file = join(dir, 'result.json');
      await writeFile(file, '{"name":"x","type":"private_group","id":1,"messages":[{"id":1,"type":"message","date":"2020-01-01T00:00:00","date_unixtime":"1577836800","from":"A","from_id":"user1","text":"hi"},');
      const err = await importError(telegramImporter.read(file));
      expect(err.message).toMatch(/ends inside the "messages" array/);
      await writeFile(file, '{"name":"x","type":"private_group","id":1,"chats":[]}');
      expect((await importError(telegramImporter.read(file))).message).toMatch(/no top-level "messages" array/);
      await writeFile(file, '{"messages":[{"id":1,"type":"message","from":"A","from_id":"user1","text":"no date"}]}');
      expect((await importError(telegramImporter.read(file))).message).toMatch(/message 1 has no valid "date"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
