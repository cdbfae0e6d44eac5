/**
 * Console reads carry the viewer's permissions, decided by the policy, so the
 * web shows exactly the controls the server accepts. One test per actor:
 * owner, admin, core member, member, visitor — and each "yes" or "no" is
 * checked against what the server then does with the request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp, type TestClient } from '../../kernel/http/testing.js';
import { joinCommunity, transitionMembership } from './membership.js';
import { authorize } from './policy.js';
import { ROLES, type Role } from './rules.js';
import { charter } from './testing.js';

const ALL = { canOpenConsole: true, canEditCharter: true, canListMembers: true, canReadActivity: true };
const NONE = { canOpenConsole: false, canEditCharter: false, canListMembers: false, canReadActivity: false };

for (const dialect of DIALECTS) {
  describe(`the viewer's permissions come with console reads (${dialect})`, () => {
    let t: TestApp;
    let n = 0;
    type Who = { client: TestClient; id: string };
    const who: Record<'owner' | 'admin' | 'admin2' | 'core' | 'member' | 'gone', Who> = {} as never;
    const api = (p = '') => `/api/communities/perm-${dialect}${p}`;
    let communityId: string;

    const signUp = async (name: string): Promise<Who> => {
      const client = t.client();
      const res = await client.post('/api/auth/signup', { email: `perm${++n}-${dialect}@example.com`, password: 'correct horse battery', displayName: name });
      expect(res.status).toBe(201);
      return { client, id: res.body.user.id };
    };
    const rowsFor = async (viewer: Who) => {
      const res = await viewer.client.get(api('/members?state=all'));
      expect(res.status).toBe(200);
      return Object.fromEntries(res.body.members.map((m: { userId: string; permissions: unknown }) => [m.userId, m.permissions]));
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      who.owner = await signUp('群主');
      const created = await who.owner.client.post('/api/communities', charter(`perm-${dialect}`));
      expect(created.status).toBe(201);
      expect(created.body.permissions).toEqual(ALL);
      communityId = created.body.community.id;
      for (const name of ['admin', 'admin2', 'core', 'member', 'gone'] as const) {
        who[name] = await signUp(name);
        await joinCommunity(t.ctx, { communityId, userId: who[name].id, via: 'invite' });
      }
      for (const [name, role] of [['admin', 'admin'], ['admin2', 'admin'], ['core', 'core']] as const) {
        expect((await who.owner.client.patch(api(`/members/${who[name].id}`), { role })).status).toBe(200);
      }
      await transitionMembership(t.ctx, { communityId, userId: who.gone.id, transition: 'leave', by: who.gone.id });
    });
    afterAll(() => t?.close());

    it('the owner may do everything in the console, and change or remove anyone but themself', async () => {
      const home = await who.owner.client.get(api('/home'));
      expect(home.body.permissions).toEqual(ALL);
      const rows = await rowsFor(who.owner);
      expect(rows[who.owner.id]).toEqual({ canChangeRole: false, grantableRoles: [], canRemove: false });
      expect(rows[who.admin.id]).toEqual({ canChangeRole: true, grantableRoles: ['admin', 'core', 'member'], canRemove: true });
      expect(rows[who.member.id]).toEqual({ canChangeRole: true, grantableRoles: ['admin', 'core', 'member'], canRemove: true });
      // Someone who left is listed but has no role to change and nothing to remove.
      expect(rows[who.gone.id]).toEqual({ canChangeRole: false, grantableRoles: [], canRemove: false });
    });

    it('an admin opens the console but manages only core members and members — and the server agrees', async () => {
      expect((await who.admin.client.get(api('/home'))).body.permissions).toEqual(ALL);
      const rows = await rowsFor(who.admin);
      expect(rows[who.owner.id]).toEqual({ canChangeRole: false, grantableRoles: [], canRemove: false });
      expect(rows[who.admin2.id]).toEqual({ canChangeRole: false, grantableRoles: [], canRemove: false });
      expect(rows[who.core.id]).toEqual({ canChangeRole: true, grantableRoles: ['core', 'member'], canRemove: true });
      expect((await who.admin.client.patch(api(`/members/${who.admin2.id}`), { role: 'member' })).status).toBe(403);
      expect((await who.admin.client.patch(api(`/members/${who.core.id}`), { role: 'admin' })).status).toBe(403);
      expect((await who.admin.client.patch(api(`/members/${who.member.id}`), { role: 'core' })).status).toBe(200);
      expect((await who.admin.client.patch(api(`/members/${who.member.id}`), { role: 'member' })).status).toBe(200);
    });

    it('a core member and a member see no console controls, and the console reads refuse them', async () => {
      for (const viewer of [who.core, who.member]) {
        expect((await viewer.client.get(api('/home'))).body.permissions).toEqual(NONE);
        expect((await viewer.client.get(api())).body.permissions).toEqual(NONE);
        expect((await viewer.client.get(api('/members'))).status).toBe(403);
        expect((await viewer.client.get(api('/gate/config'))).status).toBe(403);
      }
    });

    it('a visitor and a former member get the public page with no permissions', async () => {
      expect((await t.client().get(api())).body.permissions).toEqual(NONE);
      expect((await who.gone.client.get(api())).body.permissions).toEqual(NONE);
      const mine = await who.owner.client.get('/api/communities');
      expect(mine.body.communities.find((c: { community: { id: string } }) => c.community.id === communityId).permissions).toEqual(ALL);
    });

    it("every member row's permissions are what the policy answers for that viewer and target", async () => {
      for (const viewerName of ['owner', 'admin'] as const) {
        const viewer = who[viewerName];
        const members = (await viewer.client.get(api('/members'))).body.members as { userId: string; role: Role; permissions: { grantableRoles: Role[]; canRemove: boolean } }[];
        const me = members.find((m) => m.userId === viewer.id)!;
        const actor = { userId: viewer.id, membership: { communityId, state: 'member' as const, role: me.role } };
        for (const m of members) {
          const resource = { communityId, targetUserId: m.userId, targetRole: m.role };
          expect(m.permissions.grantableRoles).toEqual(ROLES.filter((newRole) => authorize(actor, 'members.change_role', { ...resource, newRole })));
          expect(m.permissions.canRemove).toBe(authorize(actor, 'members.remove', resource));
        }
      }
    });

    it('gate settings: only the owner may let core members review; an admin is told so with the config', async () => {
      const mine = await who.owner.client.get(api('/gate/config'));
      expect(mine.body.permissions).toEqual({ canConfigure: true, canReview: true, canSeeReferrals: true, canMarkPaid: true, canSetCoreReview: true });
      const theirs = await who.admin.client.get(api('/gate/config'));
      expect(theirs.body.permissions).toEqual({ canConfigure: true, canReview: true, canSeeReferrals: true, canMarkPaid: true, canSetCoreReview: false });
      const settings = { ...theirs.body.settings, coreCanReview: true };
      expect((await who.admin.client.patch(api('/gate/config'), { settings })).status).toBe(403);
      const saved = await who.owner.client.patch(api('/gate/config'), { settings });
      expect(saved.status).toBe(200);
      expect(saved.body.permissions.canSetCoreReview).toBe(true);
      // Now a core member may review applications, though the operator console stays closed to them.
      expect((await who.core.client.get(api('/gate/applications'))).status).toBe(200);
    });
  });
}
