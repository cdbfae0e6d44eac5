import { describe, expect, it } from 'vitest';
import { ImportError } from '../types.js';
import { slackImporter } from './slack.js';
import { collect, fixture, importError, ofKind } from './testkit.js';

describe('Slack workspace export', () => {
  for (const input of ['slack/workspace', 'slack/workspace.zip']) {
    it(`reads every channel as one community, in time order (${input.endsWith('.zip') ? 'zip' : 'folder'})`, async () => {
      const events = await collect(slackImporter.read(fixture(input)));
      const times = events.map((e) => e.at);
      expect([...times].sort()).toEqual(times);
      const posts = events.filter((e) => e.kind === 'content.posted' || e.kind === 'content.replied');
      expect(posts.map((e) => e.data?.channel)).toEqual(['general', 'general', 'random', 'random', 'general']);
      expect(posts[0].data?.text).toBe('欢迎 @李四！本周的分享主题是社群冷启动，大家有什么想法？');
      expect(posts[1]).toMatchObject({ kind: 'content.replied', actorName: '李四', targetId: 'slack:U01ZHANG', targetName: '张三' });
      expect(posts[2].data).toMatchObject({ origin: 'link', text: 'https://www.example.com/community-playbook' });
      expect(posts[3]).toMatchObject({ actorId: 'slack:bot:B01REMIND', data: { bot: true } });
      expect(posts[4].data).toMatchObject({ origin: 'forwarded', forwardedFrom: '张三' });
      expect(ofKind(events, 'content.mentioned').map((e) => [e.actorName, e.targetName])).toEqual([
        ['张三', '李四'],
        ['王五', '张三'],
      ]);
      expect(ofKind(events, 'content.reacted').map((e) => e.actorName)).toEqual(['李四', '王五']);
      expect(ofKind(events, 'member.joined').map((e) => [e.actorName, e.targetName])).toEqual([
        ['李四', '李四'],
        ['张三', '王五'],
      ]);
      expect(ofKind(events, 'member.left')).toMatchObject([{ targetName: '李四' }]);
      expect(ofKind(events, 'system.other')).toMatchObject([{ data: { action: 'channel_topic' } }]);
    });
  }

  it('a broken day file is named with its line', async () => {
    const err = await importError(slackImporter.read(fixture('slack/broken')));
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/broken:general\/2019-03-01\.json: line 6/);
  });
});
