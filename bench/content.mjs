/**
 * Content reads at 1× and 100× data (`npm run bench`, or alone:
 * `node bench/content.mjs [--scales 1,100]`): the member feed's
 * first page and a page deep in it, a post with 200 replies (post + thread),
 * and search for a common and a rare word — each through the use cases of the
 * built server (dist/) on a fresh SQLite file, the
 * median of 15 runs after a warm-up. 1× = 1,000 posts and 5,000 replies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../dist/kernel/clock.js';
import { connect } from '../dist/kernel/db/connect.js';
import { migrateToLatest } from '../dist/kernel/db/migrate.js';
import { createMailer } from '../dist/kernel/mail.js';
import { loadConfig } from '../dist/app/config.js';
import { newId } from '../dist/kernel/ids.js';
import { createCommunity, joinCommunity } from '../dist/features/communities/index.js';
import { getFeed, getPost, getReplies, searchContent } from '../dist/features/content/index.js';
import * as search from '../dist/features/content/search.js';
import { renderMarkdown } from '../dist/features/content/markdown.js';

const args = process.argv.slice(2);
const scales = args.includes('--scales') ? args[args.indexOf('--scales') + 1].split(',').map(Number) : [1, 100];
const dialect = 'sqlite';
const NOW = '2026-11-20T12:00:00.000Z';
const WORDS = ['真题', '面试', '英语', '数学', '逻辑', '写作', '提前面试', '个人陈述', '管综', '复试', '调剂', '资料', '经验', '分享', '院校'];

function text(rng, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += WORDS[Math.floor(rng() * WORDS.length)] + (i % 7 === 6 ? '。' : '');
  return s;
}

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seed(ctx, scale) {
  const k = ctx.db.kysely;
  const users = [];
  for (let i = 0; i < 50; i++) {
    const id = newId();
    users.push(id);
    await k.insertInto('users').values({ id, email: `b${i}-${id}@bench.local`, passwordHash: 'x', displayName: `成员${i}`, locale: 'zh-Hans', createdAt: NOW, updatedAt: NOW }).execute();
  }
  const { community } = await createCommunity(ctx, users[0], { slug: 'bench', name: '基准', type: 'interest', sharedNeed: 'x', valuePromise: 'x', norms: '', entryCriteria: '' });
  for (const u of users.slice(1)) await joinCommunity(ctx, { communityId: community.id, userId: u });
  const rng = mulberry32(7);
  const posts = 1000 * scale;
  const start = Date.parse(NOW) - posts * 60_000;
  let big = null;
  await k.transaction().execute(async (trx) => {
    for (let i = 0; i < posts; i++) {
      const at = new Date(start + i * 60_000).toISOString();
      const id = newId(start + i * 60_000);
      const body = text(rng, 40) + (i === posts - 10 ? '量子纠缠' : '');
      const vis = i % 10 === 0 ? 'core' : 'members';
      const replies = i === posts - 21 ? 200 : 5;
      if (replies === 200) big = id;
      await trx.insertInto('posts').values({
        id, communityId: community.id, authorId: users[i % users.length], kind: 'post', title: text(rng, 4), body, html: renderMarkdown(body), tags: '[]', visibility: vis, tierId: null, teaser: null, origin: 'original',
        essence: i % 50 === 0 ? 1 : 0, pinned: 0, locked: 0, hiddenAt: null, hiddenReason: null, replyCount: replies, lastActivityAt: at, askedTo: null, askedUserId: null, questionState: null,
        acceptedReplyId: null, answeredAt: null, createdAt: at, updatedAt: at,
      }).execute();
      await search.index(trx, { id: `p:${id}`, communityId: community.id, postId: id, text: body });
      let top = null;
      for (let r = 0; r < replies; r++) {
        const rid = newId(start + i * 60_000 + r);
        const rbody = text(rng, 12);
        await trx.insertInto('replies').values({ id: rid, communityId: community.id, postId: id, authorId: users[(i + r + 1) % users.length], parentId: r % 3 === 0 ? null : top, replyToUserId: users[i % users.length], body: rbody, html: renderMarkdown(rbody), hiddenAt: null, createdAt: new Date(start + i * 60_000 + r * 1000).toISOString() }).execute();
        if (r % 3 === 0) top = rid;
        await search.index(trx, { id: `r:${rid}`, communityId: community.id, postId: id, text: rbody });
      }
    }
  });
  return { member: users[7], big, posts };
}

async function median(fn) {
  await fn();
  const times = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[7].toFixed(1);
}

const rows = [];
for (const scale of scales) {
  const dir = mkdtempSync(join(tmpdir(), 'shequn-bench-content-'));
  const db = connect({ sqlitePath: join(dir, 'bench.db') });
  await migrateToLatest(db);
  const clock = new ManualClock(NOW);
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), isTest: true };
  const ctx = { config, db, clock, mailer: createMailer({ from: config.mailFrom, clock }) };
  try {
    const t0 = performance.now();
    const { member, big, posts } = await seed(ctx, scale);
    console.error(`${scale}×: seeded ${posts} posts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    let deep = null;
    let page = await getFeed(ctx, 'bench', member, { limit: 20 });
    for (let i = 0; i < 25 && page.nextCursor; i++) page = await getFeed(ctx, 'bench', member, { limit: 20, cursor: (deep = page.nextCursor) });
    rows.push({
      scale: `${scale}× (${posts.toLocaleString('en')} posts)`,
      'feed page 1 ms': await median(() => getFeed(ctx, 'bench', member, { limit: 20 })),
      'feed page 26 ms': await median(() => getFeed(ctx, 'bench', member, { limit: 20, cursor: deep })),
      'feed by activity ms': await median(() => getFeed(ctx, 'bench', member, { limit: 20, sort: 'active' })),
      'post + 200 replies ms': await median(async () => {
        await getPost(ctx, 'bench', member, big);
        await getReplies(ctx, 'bench', member, big);
      }),
      'search common ms': await median(() => searchContent(ctx, 'bench', member, '面试经验')),
      'search rare ms': await median(() => searchContent(ctx, 'bench', member, '量子糾纏')),
    });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`\nContent reads (${dialect}), median of 15 runs, node ${process.version}`);
console.table(rows);
