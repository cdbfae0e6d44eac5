/**
 * Writes a realistic Telegram Desktop export (result.json) of `count` messages:
 * a few hundred members of whom a small core writes much of the content,
 * replies, forwards, shared links, mentions, reactions and service messages
 * (joins, leaves, removals, pins). Deterministic for a given seed.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂'.split('');
const PHRASES = [
  '今天的模考大家做得怎么样？', '数学第三题有人会吗', '分享一下我的复习计划，每天两小时逻辑加一小时写作',
  '谢谢大家的帮助！', '面试的时候要注意自我介绍控制在两分钟以内', '周末有线下自习，地点在五道口',
  '这个思路很清楚，学到了', '我觉得写作还是要多练', '有没有人一起刷题', 'Good luck everyone, see you at the exam',
  '收到', '+1', '哈哈哈', '早上好', '请问报名截止是哪天？', '推荐这本书，讲得很系统，适合零基础',
];

export async function writeTelegramExport(file, count, seed = 42) {
  const rand = rng(seed);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const memberCount = Math.max(50, Math.min(400, Math.round(count / 500)));
  const members = Array.from({ length: memberCount }, (_, i) => ({
    id: `user${100000 + i}`,
    name: `${pick(SURNAMES)}${pick(GIVEN)}${i}`,
  }));
  const core = members.slice(0, Math.max(5, Math.round(memberCount * 0.05)));
  const out = createWriteStream(file);
  let buffer = '{\n "name": "北大MBA备考群",\n "type": "private_supergroup",\n "id": 1234567890,\n "messages": [';
  const start = Date.UTC(2019, 0, 1) / 1000;
  const span = 365 * 24 * 3600 * 2;
  for (let i = 1; i <= count; i++) {
    const t = Math.floor(start + (span * i) / count);
    const when = new Date(t * 1000).toISOString().slice(0, 19);
    let m;
    if (rand() < 0.01) {
      const who = pick(members);
      const action = pick(['join_group_by_link', 'invite_members', 'remove_members', 'remove_members', 'pin_message']);
      m = { id: i, type: 'service', date: when, date_unixtime: String(t), actor: who.name, actor_id: who.id, action };
      if (action === 'invite_members') m.members = [pick(members).name];
      if (action === 'remove_members') m.members = [rand() < 0.5 ? who.name : pick(members).name];
      if (action === 'pin_message') m.message_id = Math.max(1, i - 1 - Math.floor(rand() * 50));
      m.text = '';
      m.text_entities = [];
    } else {
      const author = rand() < 0.45 ? pick(core) : pick(members);
      m = { id: i, type: 'message', date: when, date_unixtime: String(t), from: author.name, from_id: author.id };
      const r = rand();
      let entities = [{ type: 'plain', text: pick(PHRASES) }];
      if (r < 0.05) {
        m.forwarded_from = '考研资讯频道';
      } else if (r < 0.1) {
        entities = [{ type: 'plain', text: '看看这个 ' }, { type: 'link', text: `https://example.com/article/${i}` }];
      } else if (r < 0.15) {
        const who = pick(members);
        entities = [{ type: 'mention_name', text: who.name, user_id: Number(who.id.slice(4)) }, { type: 'plain', text: ' 你怎么看？' }];
      }
      if (i > 1 && rand() < 0.3) m.reply_to_message_id = Math.max(1, i - 1 - Math.floor(rand() * 20));
      if (rand() < 0.03) {
        m.photo = `photos/photo_${i}@01-01-2019_00-00-00.jpg`;
        m.width = 1280;
        m.height = 960;
      }
      m.text = entities.length === 1 ? entities[0].text : entities.map((e) => (e.type === 'plain' ? e.text : e));
      m.text_entities = entities;
      if (rand() < 0.05) {
        const reactor = pick(members);
        m.reactions = [{ type: 'emoji', count: 1, emoji: '👍', recent: [{ from: reactor.name, from_id: reactor.id, date: when }] }];
      }
    }
    buffer += (i === 1 ? '\n  ' : ',\n  ') + JSON.stringify(m, null, 1).replace(/\n/g, '\n  ');
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  buffer += '\n ]\n}\n';
  out.end(buffer);
  await once(out, 'finish');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, count, seed] = process.argv.slice(2);
  await writeTelegramExport(file, Number(count), seed ? Number(seed) : 42);
}
