import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { ManualClock } from '../../kernel/clock.js';
import type { AppContext } from '../../kernel/context.js';
import { DIALECTS, openTestDb, type TestDb } from '../../kernel/db/testing.js';
import { createMailer } from '../../kernel/mail.js';
import { verifyPassword } from '../accounts/password.js';
import { loadDemo } from './demo.js';
import { planDemo } from './demoPlan.js';

const NOW = '2026-11-20T12:00:00.000Z';
const WEEK = 7 * 86_400_000;

describe('demo plan (pure)', () => {
  it('the same clock gives the same community; events stay inside the last eight weeks', () => {
    const a = planDemo(new Date(NOW));
    const b = planDemo(new Date(NOW));
    expect(b.people.map((p) => p.displayName)).toEqual(a.people.map((p) => p.displayName));
    expect(b.events.length).toBe(a.events.length);
    const first = Date.parse(a.events[0]!.at);
    const last = Date.parse(a.events.at(-1)!.at);
    expect(a.events[0]!.kind).toBe('community.created');
    expect(last).toBeLessThan(Date.parse(NOW));
    expect(Date.parse(NOW) - first).toBeLessThanOrEqual(8 * WEEK);
  });

  it('is a semi-decentralised mesh with exclusive value: members answer each other, core members post mostly original material', () => {
    const plan = planDemo(new Date(NOW));
    const staff = new Set(plan.people.flatMap((p, i) => (p.role === 'member' ? [] : [i])));
    const replies = plan.events.filter((e) => e.kind === 'content.replied');
    const memberToMember = replies.filter((e) => !staff.has(e.actor!) && !staff.has(e.target!));
    const toStaff = replies.filter((e) => staff.has(e.target!));
    expect(memberToMember.length / replies.length).toBeGreaterThan(0.3);
    expect(toStaff.length / replies.length).toBeGreaterThan(0.2);
    const corePosts = plan.events.filter((e) => e.kind === 'content.posted' && staff.has(e.actor!));
    const original = corePosts.filter((e) => e.data?.origin === 'original');
    expect(original.length / corePosts.length).toBeGreaterThan(0.7);
    expect(original.length).toBeLessThan(corePosts.length); // and some forwarded notices / links
  });

  it('people act only while they are members: nothing from a removed member after removal', () => {
    const plan = planDemo(new Date(NOW));
    const ended = new Map(plan.people.map((p, i) => [i, p.endedAt] as const));
    for (const e of plan.events) {
      if (e.actor === null || !e.kind.startsWith('content.')) continue;
      const end = ended.get(e.actor);
      if (end) expect(e.at <= end, `${e.kind} by #${e.actor} at ${e.at} after leaving at ${end}`).toBe(true);
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`demo community on ${dialect}`, () => {
    let db: TestDb;
    let ctx: AppContext;
    beforeAll(async () => {
      db = await openTestDb(dialect);
      const clock = new ManualClock(NOW);
      const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), isTest: true };
      ctx = { config, db, clock, mailer: createMailer({ from: config.mailFrom, clock }) };
    });
    afterAll(() => db.destroy());

    it('loads ~200 members, a few core members and weeks of activity, and prints a working sign-in', async () => {
      const started = Date.now();
      const result = await loadDemo(ctx, { onlyIfEmpty: true });
      const took = Date.now() - started;
      expect(result.created).toBe(true);
      expect(result.slug).toBe('pku-mba-2019');
      console.log(`demo load on ${dialect}: ${took} ms`);

      const k = db.kysely;
      const community = await k.selectFrom('communities').selectAll().where('slug', '=', 'pku-mba-2019').executeTakeFirstOrThrow();
      expect(community.name).toBe('北大MBA 2019 备考群');
      expect(Number(community.capacity)).toBe(300);
      const members = await k.selectFrom('memberships').select(['role', 'state']).where('communityId', '=', community.id).execute();
      const active = members.filter((m) => m.state === 'member');
      expect(active.length).toBeGreaterThanOrEqual(180);
      expect(active.length).toBeLessThanOrEqual(220);
      expect(active.filter((m) => m.role === 'core').length).toBeGreaterThanOrEqual(3);
      expect(active.filter((m) => m.role === 'owner').length).toBe(1);
      expect(members.some((m) => m.state === 'removed')).toBe(true);
      expect(members.some((m) => m.state === 'left')).toBe(true);

      const events = await k.selectFrom('activityEvents').select(['kind', 'at', 'actorId']).where('communityId', '=', community.id).execute();
      expect(events.length).toBeGreaterThanOrEqual(1000);
      const times = events.map((e) => Date.parse(e.at));
      expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(6 * WEEK);
      expect(Math.max(...times)).toBeLessThanOrEqual(Date.parse(NOW));
      const kinds = new Set(events.map((e) => e.kind));
      for (const kind of ['member.joined', 'member.left', 'member.removed', 'member.role_changed', 'content.posted', 'content.replied', 'content.mentioned', 'content.reacted', 'activity.checked_in', 'activity.attended']) {
        expect(kinds, kind).toContain(kind);
      }
      // Every actor of the log is a real account of the community.
      const userIds = new Set((await k.selectFrom('memberships').select('userId').where('communityId', '=', community.id).execute()).map((r) => r.userId));
      expect(events.every((e) => e.actorId === null || userIds.has(e.actorId))).toBe(true);

      const owner = await k.selectFrom('users').select('passwordHash').where('email', '=', result.signIn!.email).executeTakeFirstOrThrow();
      expect(await verifyPassword(owner.passwordHash, result.signIn!.password)).toBe(true);
      const member = await k.selectFrom('users').select('passwordHash').where('email', '=', 'member042@demo.shequn.local').executeTakeFirstOrThrow();
      expect(await verifyPassword(member.passwordHash, result.signIn!.password)).toBe(true);
    });

    it('loading again does not duplicate: on first start (onlyIfEmpty) and as `shequn demo` without --force', async () => {
      const count = async () => (await db.kysely.selectFrom('activityEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      const before = Number(await count());
      expect((await loadDemo(ctx, { onlyIfEmpty: true })).created).toBe(false);
      const again = await loadDemo(ctx, {});
      expect(again.created).toBe(false);
      expect(again.signIn).toBeUndefined();
      expect(Number(await count())).toBe(before);
      expect((await db.kysely.selectFrom('communities').select('id').execute()).length).toBe(1);
    });

    it('--force replaces the demo community and keeps one account per demo person', async () => {
      const users = async () => (await db.kysely.selectFrom('users').select('id').execute()).length;
      const before = await users();
      const result = await loadDemo(ctx, { force: true });
      expect(result.created).toBe(true);
      expect(await users()).toBe(before);
      expect((await db.kysely.selectFrom('communities').select('id').execute()).length).toBe(1);
      const owner = await db.kysely.selectFrom('users').select('passwordHash').where('email', '=', 'demo@shequn.local').executeTakeFirstOrThrow();
      expect(await verifyPassword(owner.passwordHash, result.signIn!.password)).toBe(true);
    });
  });
}
