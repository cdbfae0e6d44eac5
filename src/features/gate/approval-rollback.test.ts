/**
 * An approval is one transaction: the application's decision, the membership,
 * its events and audit entry, the new profile, the notice and the mail. When a
 * step fails half-way (here: the mail outbox refuses the row, after the
 * membership and the notice were written), nothing of it is stored, and the
 * carriers, told only after commit, hear nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { registerCarrier, type MembershipChange } from '../carriers/index.js';
import { answers, community, FORM, person, type Person } from './testing.js';

const slug = 'half-way';

async function breakMailOutbox(t: TestApp, dialect: string) {
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER fail_mail BEFORE INSERT ON mail_outbox BEGIN SELECT RAISE(ABORT, 'mail outbox unavailable'); END`.execute(t.db.kysely);
  } else {
    await sql`CREATE FUNCTION fail_mail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'mail outbox unavailable'; END $$ LANGUAGE plpgsql`.execute(t.db.kysely);
    await sql`CREATE TRIGGER fail_mail BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION fail_mail()`.execute(t.db.kysely);
  }
}

async function repairMailOutbox(t: TestApp, dialect: string) {
  if (dialect === 'sqlite') await sql`DROP TRIGGER fail_mail`.execute(t.db.kysely);
  else await sql`DROP TRIGGER fail_mail ON mail_outbox`.execute(t.db.kysely);
}

for (const dialect of DIALECTS) {
  describe(`an approval that fails half-way (${dialect})`, () => {
    let t: TestApp;
    let owner: Person;
    let applicant: Person;
    let applicationId: string;
    const heard: MembershipChange[] = [];
    let unregister: () => void;
    const k = () => t.db.kysely;
    const trace = async () => ({
      membership: (await k().selectFrom('memberships').select('state').where('userId', '=', applicant.id).executeTakeFirst())?.state,
      application: (await k().selectFrom('applications').select('state').where('id', '=', applicationId).executeTakeFirst())?.state,
      events: (await k().selectFrom('activityEvents').select('kind').where((eb) => eb.or([eb('actorId', '=', applicant.id), eb('targetId', '=', applicant.id)])).orderBy('id').execute()).map((e) => e.kind),
      audit: (await k().selectFrom('auditEntries').select('action').where('subjectId', '=', applicant.id).execute()).map((a) => a.action),
      profiles: (await k().selectFrom('memberProfiles').select('id').where('userId', '=', applicant.id).execute()).length,
      notices: (await k().selectFrom('notifications').select('kind').where('userId', '=', applicant.id).execute()).map((n) => n.kind),
      mails: (await k().selectFrom('mailOutbox').select('subject').where('toAddress', '=', applicant.email).execute()).length,
    });
    beforeAll(async () => {
      t = await startTestApp(dialect);
      unregister = registerCarrier({ name: 'recorder', onMembershipChange: async (c) => void heard.push(c) });
      owner = await person(t, 'Owner');
      await community(owner, slug);
      await owner.c.patch(`/api/communities/${slug}/gate/config`, { form: FORM });
      applicant = await person(t, 'Applicant');
      const a = await applicant.c.post(`/api/communities/${slug}/apply`, { answers: answers() });
      expect(a.body.application.state).toBe('pending');
      applicationId = a.body.application.id;
    });
    afterAll(async () => {
      unregister?.();
      await t?.close();
    });

    it('leaves no membership, no event, no audit entry, no profile, no notice, no mail, and tells no carrier', async () => {
      const before = await trace();
      expect(before).toMatchObject({ membership: 'applicant', application: 'pending', events: ['member.applied'], notices: [], mails: 0 });
      await breakMailOutbox(t, dialect);
      const r = await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [applicationId], decision: 'approve' });
      expect(r.status).toBe(200);
      expect(r.body.results).toEqual([{ id: applicationId, ok: false, error: 'failed' }]);
      expect(await trace()).toEqual(before);
      expect(heard).toEqual([]);
    });

    it('the same approval goes through once the outbox works again, all of it at once', async () => {
      await repairMailOutbox(t, dialect);
      const r = await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [applicationId], decision: 'approve' });
      expect(r.body.results).toEqual([{ id: applicationId, ok: true, state: 'approved' }]);
      expect(await trace()).toMatchObject({
        membership: 'member',
        application: 'approved',
        events: ['member.applied', 'member.approved', 'member.joined'],
        audit: ['application.approved'],
        profiles: 1,
        notices: ['gate.approved'],
        mails: 1,
      });
      expect(heard.map((c) => [c.userId, c.change])).toEqual([[applicant.id, 'approved']]);
    });
  });
}
