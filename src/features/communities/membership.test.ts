import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { listDecisions } from '../../kernel/audit.js';
import { listEvents } from '../../kernel/activity/log.js';
import { ManualClock } from '../../kernel/clock.js';
import type { AppContext } from '../../kernel/context.js';
import { DIALECTS, openTestDb, type TestDb } from '../../kernel/db/testing.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { AppError } from '../../kernel/errors.js';
import { createMailer } from '../../kernel/mail.js';
import { registerCarrier, type MembershipChange } from '../carriers/index.js';
import { changeRole, joinCommunity, leave, transitionMembership } from './membership.js';
import { createCommunity } from './service.js';
import { charter, makeUser } from './testing.js';

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

for (const dialect of DIALECTS) {
  describe(`membership use cases on ${dialect}`, () => {
    let db: TestDb;
    let ctx: AppContext;
    let owner: string;
    let communityId: string;
    beforeAll(async () => {
      db = await openTestDb(dialect);
      const clock = new ManualClock('2026-03-01T08:00:00.000Z');
      const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), isTest: true };
      ctx = { config, db, clock, mailer: createMailer({ from: config.mailFrom, clock }) };
      owner = await makeUser(db.kysely, '群主');
      communityId = (await createCommunity(ctx, owner, charter('prep-group', { capacity: 4 }))).community.id;
    });
    afterAll(() => db.destroy());

    it('a removal whose bookkeeping fails is not stored at all: the member stays, no event, no audit entry', async () => {
      const m = await makeUser(db.kysely, '差点被清理');
      await joinCommunity(ctx, { communityId, userId: m });
      const eventsBefore = (await listEvents(db.kysely, communityId, { limit: 10_000 })).length;
      const auditBefore = (await listDecisions(db.kysely, communityId, { subjectId: m })).length;
      const heard: MembershipChange[] = [];
      const unregister = registerCarrier({ name: 'test', onMembershipChange: async (c) => void heard.push(c) });
      // The caller's own bookkeeping joins the removal's transaction and fails after it.
      const failing = inTransaction(db, async (trx) => {
        await transitionMembership(ctx, { communityId, userId: m, transition: 'remove', by: owner, reason: 'test' }, trx);
        await trx.selectFrom('memberships').select('id').execute();
        throw new Error('bookkeeping failed');
      });
      await expect(failing).rejects.toThrow('bookkeeping failed');
      unregister();
      expect(heard).toEqual([]); // the carriers never hear of a removal that rolled back
      const row = await db.kysely.selectFrom('memberships').select('state').where('communityId', '=', communityId).where('userId', '=', m).executeTakeFirst();
      expect(row?.state).toBe('member');
      expect((await listEvents(db.kysely, communityId, { limit: 10_000 })).length).toBe(eventsBefore);
      expect((await listDecisions(db.kysely, communityId, { subjectId: m })).length).toBe(auditBefore);
      // Leave the place free for the capacity tests below.
      await transitionMembership(ctx, { communityId, userId: m, transition: 'remove', by: owner });
    });

    it('an application approved by the owner writes applied, approved and joined, an audit entry, and tells the carriers', async () => {
      const heard: MembershipChange[] = [];
      const unregister = registerCarrier({ name: 'test', onMembershipChange: async (c) => void heard.push(c) });
      const applicant = await makeUser(db.kysely, '申请人');
      await transitionMembership(ctx, { communityId, userId: applicant, transition: 'apply', by: applicant });
      const { member } = await transitionMembership(ctx, { communityId, userId: applicant, transition: 'approve', by: owner });
      unregister();
      expect(member.state).toBe('member');
      const events = (await listEvents(db.kysely, communityId, { actorId: undefined })).filter((e) => e.actorId === applicant || e.targetId === applicant);
      expect(events.map((e) => [e.kind, e.actorId, e.targetId ?? null])).toEqual([
        ['member.applied', applicant, null],
        ['member.approved', owner, applicant],
        ['member.joined', applicant, null],
      ]);
      const audit = await listDecisions(db.kysely, communityId, { subjectId: applicant });
      expect(audit.map((a) => [a.action, a.decidedBy])).toEqual([['application.approved', owner]]);
      expect(heard).toEqual([{ communityId, userId: applicant, change: 'approved', reason: null }]);
    });

    it('a member cannot approve anyone, nor join on their own; an operator cannot make someone else leave', async () => {
      const m = await makeUser(db.kysely);
      await joinCommunity(ctx, { communityId, userId: m, via: 'invite' });
      const other = await makeUser(db.kysely);
      await transitionMembership(ctx, { communityId, userId: other, transition: 'apply', by: other });
      expect(await code(transitionMembership(ctx, { communityId, userId: other, transition: 'approve', by: m }))).toBe('forbidden');
      expect(await code(transitionMembership(ctx, { communityId, userId: other, transition: 'join', by: other }))).toBe('forbidden');
      expect(await code(transitionMembership(ctx, { communityId, userId: m, transition: 'leave', by: owner }))).toBe('forbidden');
      expect(await code(transitionMembership(ctx, { communityId, userId: other, transition: 'withdraw', by: other }))).toBe('ok');
    });

    it('the owner cannot leave; a member can, and the reason is kept on the membership and the event', async () => {
      expect(await code(leave(ctx, 'prep-group', owner))).toBe('conflict');
      const m = await makeUser(db.kysely);
      await joinCommunity(ctx, { communityId, userId: m });
      const { member } = await leave(ctx, 'prep-group', m, '工作太忙');
      expect(member.state).toBe('left');
      const row = await db.kysely.selectFrom('memberships').selectAll().where('userId', '=', m).executeTakeFirstOrThrow();
      expect([row.endReason, row.endedAt]).toEqual(['工作太忙', '2026-03-01T08:00:00.000Z']);
      const [left] = (await listEvents(db.kysely, communityId, { kinds: ['member.left'], actorId: m }));
      expect(left?.data).toEqual({ reason: '工作太忙' });
    });

    it('readmitting someone who was never a member is refused and writes nothing', async () => {
      const stranger = await makeUser(db.kysely);
      expect(await code(transitionMembership(ctx, { communityId, userId: stranger, transition: 'readmit', by: owner }))).toBe('not_found');
      expect(await code(transitionMembership(ctx, { communityId, userId: stranger, transition: 'readmit', by: null }))).toBe('conflict');
      expect(await db.kysely.selectFrom('memberships').select('id').where('userId', '=', stranger).executeTakeFirst()).toBeUndefined();
    });

    it('a full community refuses one more member, even when joins race', async () => {
      // capacity 4: the owner, the approved applicant and the invited member are in; one seat is left.
      const racers = await Promise.all([1, 2, 3, 4].map(() => makeUser(db.kysely)));
      const results = await Promise.all(racers.map((userId) => code(joinCommunity(ctx, { communityId, userId }))));
      expect(results.filter((r) => r === 'ok')).toHaveLength(1);
      expect(results.filter((r) => r === 'conflict')).toHaveLength(3);
      const active = await db.kysely.selectFrom('memberships').select('id').where('communityId', '=', communityId).where('state', '=', 'member').execute();
      expect(active).toHaveLength(4);
    });

    it('concurrent role changes of one member leave one consistent role and one event per real change', async () => {
      const m = (await db.kysely.selectFrom('memberships').select('userId').where('communityId', '=', communityId).where('role', '=', 'member').where('state', '=', 'member').executeTakeFirstOrThrow()).userId;
      await Promise.all([changeRole(ctx, 'prep-group', owner, m, 'core'), changeRole(ctx, 'prep-group', owner, m, 'core')]);
      const changes = (await listEvents(db.kysely, communityId, { kinds: ['member.role_changed'] })).filter((e) => e.targetId === m);
      expect(changes.map((e) => e.data)).toEqual([{ from: 'member', to: 'core' }]);
    });
  });
}
