import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../kernel/activity/log.js';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp, type TestClient } from '../../kernel/http/testing.js';
import { registerCarrier, type MembershipChange } from '../carriers/index.js';
import { changeRole, joinCommunity } from '../communities/index.js';

const PASSWORD = 'pruning-test-2026';
const SLUG = 'beikao-mba';
const api = (path: string) => `/api/communities/${SLUG}${path}`;

interface Person {
  client: TestClient;
  id: string;
  email: string;
}

async function person(t: TestApp, name: string): Promise<Person> {
  const client = t.client();
  const email = `${name}@example.com`;
  const res = await client.post('/api/auth/signup', { email, password: PASSWORD, displayName: name, locale: 'en' });
  expect(res.status).toBe(201);
  return { client, id: res.body.user.id, email };
}

for (const dialect of DIALECTS) {
  // One community's story over two months on one clock: each step starts where the last ended,
  // so the steps keep their order even under --sequence.shuffle. No step depends on a race's winner.
  describe(`pruning API (${dialect})`, { shuffle: false }, () => {
    let t: TestApp;
    let owner: Person, admin: Person, alice: Person, bob: Person, carol: Person, outsider: Person;
    let visitor: TestClient;
    let communityId: string;
    const carrier: MembershipChange[] = [];
    let unregister: () => void;

    const post = (p: Person, kind: 'content.posted' | 'activity.checked_in' = 'content.posted') =>
      t.db.kysely.transaction().execute((trx) => appendEvent(trx, communityId, { kind, at: t.clock.now().toISOString(), actorId: p.id }));
    // Sessions last 30 days on the same clock, so after moving time everyone signs in again.
    const advanceDays = async (days: number) => {
      t.clock.advanceDays(days);
      for (const p of [owner, admin, alice, bob, carol, outsider]) expect((await p.client.post('/api/auth/signin', { email: p.email, password: PASSWORD })).status).toBe(200);
    };
    const mails = (to: string) => t.db.kysely.selectFrom('mailOutbox').selectAll().where('toAddress', '=', to).orderBy('id').execute();

    beforeAll(async () => {
      t = await startTestApp(dialect);
      unregister = registerCarrier({ name: 'recorder', onMembershipChange: async (c) => void carrier.push(c) });
      [owner, admin, alice, bob, carol, outsider] = await Promise.all(['owner', 'admin', 'alice', 'bob', 'carol', 'outsider'].map((n) => person(t, n)));
      visitor = t.client();
      const created = await owner.client.post('/api/communities', {
        slug: SLUG,
        name: 'Beikao MBA',
        type: 'persona',
        sharedNeed: 'MBA applicants who want to get in',
        valuePromise: 'interview practice',
        norms: 'no ads',
        entryCriteria: 'applying this year',
      });
      expect(created.status).toBe(201);
      communityId = created.body.community.id;
      for (const p of [admin, alice, bob, carol]) await joinCommunity(t.ctx, { communityId, userId: p.id });
      await changeRole(t.ctx, SLUG, owner.id, admin.id, 'admin');
    });
    afterAll(async () => {
      unregister?.();
      await t?.close();
    });

    it('settings: off by default, admins only, and a bad threshold names the field', async () => {
      const got = await admin.client.get(api('/pruning/settings'));
      expect(got.status).toBe(200);
      expect(got.body.settings.rules.inactive).toEqual({ enabled: false, threshold: 60 });
      expect(got.body.rules.find((r: { id: string }) => r.id === 'tier_lapsed').available).toBe(false);
      expect((await alice.client.get(api('/pruning/settings'))).status).toBe(403);
      expect((await outsider.client.get(api('/pruning/settings'))).status).toBe(403);
      expect((await visitor.get(api('/pruning/settings'))).status).toBe(401);

      const bad = await admin.client.patch(api('/pruning/settings'), { rules: { inactive: { enabled: true, threshold: 0 } } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].path).toBe('rules.inactive.threshold');
      const unknown = await admin.client.patch(api('/pruning/settings'), { graceDays: 'soon' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields[0].path).toBe('graceDays');
      expect((await alice.client.patch(api('/pruning/settings'), { graceDays: 1 })).status).toBe(403);

      // The community started on Shequn today and no chat was imported: 30 days of silence cannot be seen yet.
      const blind = await admin.client.patch(api('/pruning/settings'), { rules: { inactive: { enabled: true, threshold: 30 } } });
      expect(blind.status).toBe(400);
      expect(blind.body.error.fields[0]).toMatchObject({ path: 'rules.inactive.enabled', code: 'not_covered', params: { days: 30 } });
      expect(got.body.coverage).toMatchObject({ sources: [{ kind: 'shequn' }], counts: expect.arrayContaining(['content.posted', 'activity.checked_in']) });

      const ok = await admin.client.patch(api('/pruning/settings'), { graceDays: 7, mode: 'auto', appealWindowDays: 14 });
      expect(ok.status).toBe(200);
      expect(ok.body.settings).toMatchObject({ graceDays: 7, mode: 'auto', rules: { inactive: { enabled: false, threshold: 60 } } });
    });

    it('dry run shows who would be warned today and writes nothing', async () => {
      await advanceDays(25);
      await post(alice);
      await post(carol);
      await advanceDays(10); // bob: 35 days without activity; alice and carol: 10
      expect((await admin.client.patch(api('/pruning/settings'), { rules: { inactive: { enabled: true, threshold: 30 } } })).status).toBe(200);
      const dry = await admin.client.post(api('/pruning/dry-run'), { rules: { no_introduction: { enabled: false, threshold: 7 } } });
      expect(dry.status).toBe(200);
      const inactive = dry.body.decisions.filter((d: { ruleId: string }) => d.ruleId === 'inactive');
      expect(inactive.map((d: { displayName: string; kind: string }) => [d.displayName, d.kind])).toEqual([['bob', 'warn']]);
      // Bob's own figures: silent since joining 35 days ago, against 30.
      expect(inactive[0].reason).toEqual({ key: 'reason.inactive_joined', params: { silent: 35, days: 30, since: expect.any(String) } });
      // One row per member with every rule they meet: bob is also without an introduction.
      const bobRow = dry.body.members.filter((m: { displayName: string }) => m.displayName === 'bob');
      expect(bobRow).toHaveLength(1);
      expect(bobRow[0].decisions.map((d: { ruleId: string }) => d.ruleId).sort()).toEqual(['inactive', 'no_introduction']);
      // Nobody has introduced themself: the rule not yet switched on would warn the three plain members (admins are exempt).
      expect(dry.body.summary.no_introduction.warn).toBe(3);
      expect((await admin.client.get(api('/pruning/warnings'))).body.warnings).toEqual([]);
      expect(await mails(bob.email)).toHaveLength(0);
      expect((await alice.client.post(api('/pruning/dry-run'), {})).status).toBe(403);
    });

    it('the sweep warns (mail + own status page), and only admins read the warnings', async () => {
      // Two sweeps at once (an admin's "run now" meeting the daily job) warn once.
      const [run, twin] = await Promise.all([admin.client.post(api('/pruning/sweep')), owner.client.post(api('/pruning/sweep'))]);
      expect([run.status, twin.status]).toEqual([200, 200]);
      expect(run.body.result.warned + twin.body.result.warned).toBe(1);
      expect(await t.db.kysely.selectFrom('pruningWarnings').select('id').where('userId', '=', bob.id).execute()).toHaveLength(1);
      const [mail] = await mails(bob.email);
      expect(mail!.subject).toBe('Beikao MBA: a warning about your membership');
      expect(mail!.textBody).toContain('Post, reply, check in or attend an event before the deadline.');

      const mine = await bob.client.get(api('/pruning/me'));
      expect(mine.status).toBe(200);
      expect(mine.body.state).toBe('member');
      expect(mine.body.warnings).toHaveLength(1);
      expect(mine.body.warnings[0]).toMatchObject({ rule: 'inactive', state: 'open', keep: { key: 'keep.inactive' }, deadline: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString() });
      expect((await alice.client.get(api('/pruning/me'))).body.warnings).toEqual([]);

      expect((await admin.client.get(api('/pruning/warnings'))).body.warnings.map((w: { displayName: string }) => w.displayName)).toEqual(['bob']);
      expect((await alice.client.get(api('/pruning/warnings'))).status).toBe(403);
      expect((await outsider.client.get(api('/pruning/me'))).status).toBe(404);
      expect((await visitor.get(api('/pruning/me'))).status).toBe(401);
      // A second sweep the same day changes nothing.
      expect((await admin.client.post(api('/pruning/sweep'))).body.result).toMatchObject({ warned: 0, cleared: 0, removed: 0 });
    });

    it('a warned member who comes back is cleared; one who does not is removed at the deadline', async () => {
      await advanceDays(6);
      await admin.client.post(api('/pruning/sweep')); // carol (26 days) is fine; nobody new crosses 30
      await advanceDays(1);
      // Day 42: carol's last post was 17 days ago; bob's deadline has come.
      const run = await admin.client.post(api('/pruning/sweep'));
      expect(run.body.result).toMatchObject({ removed: 1 });
      const member = await t.db.kysely.selectFrom('memberships').select(['state', 'endReason']).where('communityId', '=', communityId).where('userId', '=', bob.id).executeTakeFirstOrThrow();
      expect(member).toEqual({ state: 'removed', endReason: 'pruning:inactive' });
      // The log's event says why in the rule's own words, with bob's figures, for the 详情 column.
      const removed = await t.db.kysely.selectFrom('activityEvents').select('data').where('communityId', '=', communityId).where('kind', '=', 'member.removed').where('targetId', '=', bob.id).executeTakeFirstOrThrow();
      expect(JSON.parse(removed.data!)).toMatchObject({ reason: 'pruning:inactive', rule: 'inactive', why: { key: 'reason.inactive_joined', params: { days: 30 } } });
      expect(carrier).toContainEqual(expect.objectContaining({ userId: bob.id, change: 'removed' }));
      expect((await mails(bob.email)).map((m) => m.subject)).toContain('You were removed from Beikao MBA');

      const status = await bob.client.get(api('/pruning/me'));
      expect(status.body).toMatchObject({ state: 'removed', warnings: [], removal: { canAppeal: true, appeal: null } });
      // A removed member sees their own status and nothing of the community's.
      for (const path of ['/pruning/warnings', '/reports', '/appeals', '/audit', '/pruning/settings']) expect((await bob.client.get(api(path))).status).toBe(403);
      expect((await bob.client.get(api('/home'))).status).toBe(403);

      // Carol was warned later for inactivity and then posted: the sweep clears her.
      await advanceDays(14);
      await admin.client.post(api('/pruning/sweep'));
      expect((await carol.client.get(api('/pruning/me'))).body.warnings).toHaveLength(1);
      await post(carol, 'activity.checked_in');
      const cleared = await admin.client.post(api('/pruning/sweep'));
      expect(cleared.body.result.cleared).toBeGreaterThanOrEqual(1);
      expect((await carol.client.get(api('/pruning/me'))).body.warnings).toEqual([]);
    });

    it('appeal: once per removal, decided by an admin, re-admission restores the membership', async () => {
      expect((await alice.client.post(api('/appeals'), { text: 'I am not removed' })).status).toBe(403);
      const short = await bob.client.post(api('/appeals'), { text: 'hi' });
      expect(short.status).toBe(400);
      expect(short.body.error.fields[0].path).toBe('text');
      const a = await bob.client.post(api('/appeals'), { text: 'I was travelling for interviews; I will take part again.' });
      expect(a.status).toBe(201);
      expect((await bob.client.post(api('/appeals'), { text: 'please, once more' })).status).toBe(409);
      expect((await bob.client.get(api('/pruning/me'))).body.removal).toMatchObject({ canAppeal: false, appeal: { state: 'open' } });

      expect((await alice.client.get(api('/appeals'))).status).toBe(403);
      const list = await admin.client.get(api('/appeals?state=open'));
      expect(list.body.appeals.map((x: { displayName: string }) => x.displayName)).toEqual(['bob']);
      expect((await alice.client.post(api(`/appeals/${a.body.appeal.id}/decide`), { decision: 'grant' })).status).toBe(403);

      const [first, second] = await Promise.all([
        admin.client.post(api(`/appeals/${a.body.appeal.id}/decide`), { decision: 'grant', note: 'welcome back' }),
        owner.client.post(api(`/appeals/${a.body.appeal.id}/decide`), { decision: 'grant' }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      expect((await bob.client.get(api('/pruning/me'))).body).toMatchObject({ state: 'member', removal: null });
      expect((await bob.client.get(api('/home'))).status).toBe(200);
      const events = await t.db.kysely.selectFrom('activityEvents').select('kind').where('communityId', '=', communityId).where((eb) => eb.or([eb('actorId', '=', bob.id), eb('targetId', '=', bob.id)])).orderBy('id').execute();
      expect(events.map((e) => e.kind)).toEqual(['member.joined', 'member.warned', 'member.removed', 'member.readmitted', 'member.joined']);
      expect(carrier).toContainEqual(expect.objectContaining({ userId: bob.id, change: 'readmitted' }));
      expect((await mails(bob.email)).map((m) => m.subject)).toContain('Beikao MBA: your appeal was granted');
    });

    it('reports: members report, admins uphold or dismiss once, and the queue is admins-only', async () => {
      expect((await alice.client.post(api('/reports'), { subjectId: alice.id, reason: 'myself, by mistake' })).status).toBe(400);
      expect((await outsider.client.post(api('/reports'), { subjectId: alice.id, reason: 'I do not like her' })).status).toBe(403);
      expect((await visitor.post(api('/reports'), { subjectId: alice.id, reason: 'anonymous report' })).status).toBe(401);
      const r = await carol.client.post(api('/reports'), { subjectId: alice.id, reason: 'posted ads for a paid course three times' });
      expect(r.status).toBe(201);
      expect((await carol.client.post(api('/reports'), { subjectId: alice.id, reason: 'and again, the same ads' })).status).toBe(409);
      for (const p of [carol, alice]) expect((await p.client.get(api('/reports'))).status).toBe(403);
      const queue = await admin.client.get(api('/reports?state=open'));
      expect(queue.body.reports).toMatchObject([{ reporter: { displayName: 'carol' }, subject: { displayName: 'alice' }, state: 'open' }]);

      const [one, two] = await Promise.all([
        admin.client.post(api(`/reports/${r.body.report.id}/decide`), { decision: 'uphold', note: 'confirmed' }),
        owner.client.post(api(`/reports/${r.body.report.id}/decide`), { decision: 'dismiss' }),
      ]);
      expect([one.status, two.status].sort()).toEqual([200, 409]);
      // Whoever won, the report was decided once and says so.
      const [won, lost] = one.status === 200 ? ['upheld', 'dismissed'] : ['dismissed', 'upheld'];
      const ids = async (state: string) => (await admin.client.get(api(`/reports?state=${state}`))).body.reports.map((x: { id: string }) => x.id);
      expect(await ids(won)).toEqual([r.body.report.id]);
      expect(await ids(lost)).toEqual([]);
    });

    it('review mode: an upheld report warns, the deadline sends to the queue, an admin keeps the member', async () => {
      // A report of its own, upheld, whatever the race in the step before decided.
      const r = await bob.client.post(api('/reports'), { subjectId: alice.id, reason: 'ads for a paid course, again' });
      expect(r.status).toBe(201);
      expect((await admin.client.post(api(`/reports/${r.body.report.id}/decide`), { decision: 'uphold' })).status).toBe(200);
      await admin.client.patch(api('/pruning/settings'), { rules: { inactive: { enabled: false }, reported: { enabled: true, threshold: 1 } }, mode: 'review', graceDays: 3 });
      const warned = await admin.client.post(api('/pruning/sweep'));
      expect(warned.body.result.warned).toBe(1);
      await advanceDays(3);
      expect((await admin.client.post(api('/pruning/sweep'))).body.result).toMatchObject({ queued: 1, removed: 0 });
      const [w] = (await admin.client.get(api('/pruning/warnings?state=review'))).body.warnings;
      expect(w).toMatchObject({ displayName: 'alice', rule: 'reported', state: 'review' });
      expect((await alice.client.get(api('/pruning/me'))).body.warnings[0].state).toBe('review');
      const kept = await admin.client.post(api(`/pruning/warnings/${w.id}/decide`), { decision: 'keep', note: 'apologised' });
      expect(kept.status).toBe(200);
      expect(kept.body.warning.state).toBe('kept');
      expect((await admin.client.post(api(`/pruning/warnings/${w.id}/decide`), { decision: 'remove' })).status).toBe(409);
    });

    it('the audit trail lists every decision and exports CSV, for admins only', async () => {
      const audit = await admin.client.get(api('/audit'));
      expect(audit.status).toBe(200);
      const actions = audit.body.entries.map((e: { action: string }) => e.action);
      for (const a of ['pruning.settings_updated', 'member.warned', 'member.removed', 'member.cleared', 'appeal.granted', 'member.readmitted']) expect(actions).toContain(a);
      const removal = audit.body.entries.find((e: { action: string }) => e.action === 'member.removed');
      expect(removal).toMatchObject({ automatic: false, decidedBy: { displayName: 'admin' }, subject: { displayName: 'bob' } });
      const warn = audit.body.entries.find((e: { action: string; subject: { displayName: string } }) => e.action === 'member.warned' && e.subject.displayName === 'bob');
      expect(warn).toMatchObject({ rule: 'inactive', reason: 'reason.inactive_joined' });

      const csv = await admin.client.get(api('/audit?format=csv'));
      expect(csv.status).toBe(200);
      expect(String(csv.headers['content-type'])).toContain('text/csv');
      const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\n');
      expect(lines[0]).toBe('at,action,automatic,decided_by,decided_by_id,subject,subject_id,rule,reason,data');
      expect(lines.length).toBe(audit.body.entries.length + 1);
      expect((await alice.client.get(api('/audit?format=csv'))).status).toBe(403);
      expect((await visitor.get(api('/audit'))).status).toBe(401);
      expect((await admin.client.get(api('/audit?limit=100000'))).status).toBe(400);
    });

    it('the appeal window closes', async () => {
      await admin.client.patch(api('/pruning/settings'), { appealWindowDays: 2 });
      expect((await owner.client.post(`/api/communities/${SLUG}/members/${carol.id}/remove`, { reason: 'spam' })).status).toBe(200);
      await advanceDays(3);
      expect((await carol.client.get(api('/pruning/me'))).body.removal).toMatchObject({ canAppeal: false });
      expect((await carol.client.post(api('/appeals'), { text: 'too late, I know' })).status).toBe(403);
    });

    it('a warned member who leaves on their own drops out of the warnings list at the next sweep', async () => {
      await admin.client.patch(api('/pruning/settings'), { rules: { inactive: { enabled: true, threshold: 1 } }, mode: 'review', graceDays: 7 });
      await advanceDays(2);
      await admin.client.post(api('/pruning/sweep'));
      const warnedNames = async () => (await admin.client.get(api('/pruning/warnings?state=open'))).body.warnings.map((w: { displayName: string }) => w.displayName);
      expect(await warnedNames()).toContain('bob');
      expect((await bob.client.post(api('/leave'), { reason: 'moving abroad' })).status).toBe(200);
      await admin.client.post(api('/pruning/sweep'));
      expect(await warnedNames()).not.toContain('bob');
    });
  });
}
