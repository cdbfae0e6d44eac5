/**
 * Every id a format allows is an author: 0, "0" and bare numbers included.
 * Small exports are generated here per format; each one's authors must all be
 * members of the analysis, none folded into "no author".
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../health/index.js';
import type { Importer } from '../types.js';
import { discordImporter } from './discord.js';
import { telegramImporter } from './telegram.js';
import { collect } from './testkit.js';
import { wechatChatlogImporter } from './wechat.js';

async function readWith(importer: Importer, name: string, content: unknown) {
  const dir = await mkdtemp(join(tmpdir(), 'ids-'));
  try {
    const file = join(dir, name);
    await writeFile(file, JSON.stringify(content));
    const events = await collect(importer.read(file));
    const result = await analyze(events, { format: importer.format, generatedAt: '2024-02-01T00:00:00.000Z' });
    return { events, result };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const at = (i: number) => `2024-01-0${1 + i}T10:00:00`;

describe('ids the format allows are authors', () => {
  it('Telegram: from_id 0 and other bare numbers are users like "user0"; a reaction by user 0 counts', async () => {
    const messages = [0, 7, 'user12'].map((from_id, i) => ({
      id: i + 1,
      type: 'message',
      date: at(i),
      date_unixtime: String(Date.parse(`${at(i)}Z`) / 1000),
      from: `P${i}`,
      from_id,
      text: 'hello there',
      ...(i === 2 ? { reactions: [{ type: 'emoji', emoji: '👍', count: 1, recent: [{ from: 'P0', from_id: 0, date: at(2) }] }] } : {}),
    }));
    const { events, result } = await readWith(telegramImporter, 'result.json', { name: 'g', type: 'private_supergroup', id: 1, messages });
    expect(events.filter((e) => e.kind === 'content.posted').map((e) => e.actorId)).toEqual(['user0', 'user7', 'user12']);
    expect(events.find((e) => e.kind === 'content.reacted')).toMatchObject({ actorId: 'user0', targetId: 'user12' });
    expect(result.activity.speakers).toBe(3);
  });

  it('Discord: author ids "0" and 0 are one member, not an unnamed one', async () => {
    const messages = [{ id: '0', name: 'zero' }, { id: 0, name: 'zero' }, { id: '42', name: 'x' }].map((author, i) => ({
      id: String(i + 1),
      type: 'Default',
      timestamp: `${at(i)}+00:00`,
      content: 'hello there',
      author,
    }));
    const { events, result } = await readWith(discordImporter, 'channel.json', { guild: { id: '1', name: 'g' }, channel: { id: '2', name: 'c' }, messages });
    expect(events.map((e) => e.actorId)).toEqual(['discord:0', 'discord:0', 'discord:42']);
    expect(result.activity.speakers).toBe(2);
  });

  it('WeChat chatlog: sender 0 is wx:0, and a quote of sender 0 resolves to it', async () => {
    const messages = [
      { seq: 1, time: `${at(0)}+08:00`, talker: 'g', sender: 0, senderName: 'Zero', type: 1, content: 'hello there' },
      { seq: 2, time: `${at(1)}+08:00`, talker: 'g', sender: 'wxid_b', senderName: 'B', type: 49, subType: 57, content: 'yes', contents: { refer: { sender: 0, senderName: 'Zero', seq: 1 } } },
    ];
    const { events, result } = await readWith(wechatChatlogImporter, 'chatlog.json', messages);
    expect(events.map((e) => [e.actorId, e.targetId ?? null])).toEqual([
      ['wx:0', null],
      ['wx:wxid_b', 'wx:0'],
    ]);
    expect(result.activity.speakers).toBe(2);
  });
});
