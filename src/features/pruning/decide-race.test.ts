/**
 * Two admins decide one warning in the review queue at the same moment, one
 * "keep", one "remove". Exactly one decision is stored, and never a removal of
 * a member whose warning was kept: the admin and the warning are read inside
 * the deciding transaction, the warning row locked (PostgreSQL; SQLite runs one
 * writer at a time, so the same test holds there too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { AppError } from '../../kernel/errors.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { changeRole, joinCommunity } from '../communities/index.js';
import { decideReview } from './index.js';
import * as store from './store.js';

const ROUNDS = 8;
const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

for (const dialect of DIALECTS) {
  describe(`keep and remove racing on one warning (${dialect})`, () => {
    let t: TestApp;
    let communityId: string;
    let ownerId: string;
    let adminId: string;
    const members: string[] = [];
    const warnings: string[] = [];
    beforeAll(async () => {
      t = await startTestApp(dialect);
      const signUp = async (name: string) =>
        (await t.client().post('/api/auth/signup', { email: `${name}@example.com`, password: 'long-enough-1', displayName: name })).body.user.id as string;
      const owner = t.client();
      ownerId = (await owner.post('/api/auth/signup', { email: 'owner@example.com', password: 'long-enough-1', displayName: 'owner' })).body.user.id;
      communityId = (await owner.post('/api/communities', { slug: 'racing', name: 'Racing', type: 'interest', sharedNeed: 'n', valuePromise: 'v', norms: 'n', entryCriteria: 'e' })).body.community.id;
      adminId = await signUp('admin');
      await joinCommunity(t.ctx, { communityId, userId: adminId });
      await changeRole(t.ctx, 'racing', ownerId, adminId, 'admin');
      const at = t.clock.now().toISOString();
      for (let i = 0; i < ROUNDS; i++) {
        const userId = await signUp(`m${i}`);
        await joinCommunity(t.ctx, { communityId, userId });
        const id = `w${i}`;
        const msg = { key: 'rules.inactive.reason', params: { days: 30 } };
        await store.insertWarning(t.db.kysely, communityId, { id, userId, rule: 'inactive', reason: msg, keep: msg, warnedAt: at, deadline: at });
        expect(await store.moveWarning(t.db.kysely, communityId, id, ['open'], 'review', null, at)).toBe(true);
        members.push(userId);
        warnings.push(id);
      }
    });
    afterAll(() => t?.close());

    it('one decision wins each time; a kept member is never removed', async () => {
      for (let i = 0; i < ROUNDS; i++) {
        // Alternate who starts first, so both orders are tried.
        const keep = () => decideReview(t.ctx, 'racing', ownerId, warnings[i]!, 'keep', 'still active elsewhere');
        const remove = () => decideReview(t.ctx, 'racing', adminId, warnings[i]!, 'remove');
        const [a, b] = i % 2 ? await Promise.all([outcome(keep()), outcome(remove())]) : (await Promise.all([outcome(remove()), outcome(keep())])).reverse();
        expect([a, b].sort()).toEqual(['conflict', 'ok']);
        const w = await store.findWarning(t.db.kysely, communityId, warnings[i]!);
        const m = await t.db.kysely.selectFrom('memberships').select('state').where('communityId', '=', communityId).where('userId', '=', members[i]!).executeTakeFirstOrThrow();
        if (a === 'ok') expect([w?.state, m.state]).toEqual(['kept', 'member']);
        else expect([w?.state, m.state]).toEqual(['removed', 'removed']);
        const removedEvents = await t.db.kysely.selectFrom('activityEvents').select('id').where('kind', '=', 'member.removed').where('targetId', '=', members[i]!).execute();
        expect(removedEvents).toHaveLength(a === 'ok' ? 0 : 1);
      }
    });
  });
}
