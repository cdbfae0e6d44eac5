import { describe, expect, it } from 'vitest';
import { ImportError } from '../types.js';
import { discordImporter } from './discord.js';
import { collect, fixture, importError, ofKind } from './testkit.js';

describe('DiscordChatExporter JSON', () => {
  it('reads joins, posts, replies, mentions, reactions, links, attachments and pins', async () => {
    const events = await collect(discordImporter.read(fixture('discord/channel.json')));
    expect(ofKind(events, 'member.joined')).toMatchObject([{ actorId: 'discord:700000000000000003', targetName: '王五', at: '2024-04-01T00:00:00.000Z' }]);
    const posts = events.filter((e) => e.kind === 'content.posted' || e.kind === 'content.replied');
    expect(posts).toHaveLength(4);
    expect(posts[0]).toMatchObject({ actorName: '张三', at: '2024-04-01T01:15:00.000Z' });
    // the reply pings its target: one reply, not an extra mention
    expect(posts[1]).toMatchObject({ kind: 'content.replied', actorName: '王五', targetId: 'discord:700000000000000001', targetName: '张三' });
    expect(ofKind(events, 'content.mentioned')).toMatchObject([{ actorName: '张三', targetName: '王五' }]);
    expect(ofKind(events, 'content.reacted').map((e) => e.actorName)).toEqual(['李四', '王五']);
    expect(posts[2].data?.origin).toBe('link');
    expect(posts[3].data?.media).toBe('photo');
    expect(ofKind(events, 'content.pinned')).toMatchObject([{ objectId: '1000000000000000002', targetId: 'discord:700000000000000001' }]);
    expect(ofKind(events, 'system.other')).toMatchObject([{ data: { action: 'ThreadCreated' } }]);
  });

  it('a truncated export raises with its line', async () => {
    const err = await importError(discordImporter.read(fixture('discord/truncated.json')));
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/discord\/truncated\.json: line 106.*truncated/);
  });
});
