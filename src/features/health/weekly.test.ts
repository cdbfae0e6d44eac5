/**
 * The weekly health report: the owner and admins get it (notice + mail), members
 * do not; once per week; and the pure rules that make it an alert.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { changeRole, createCommunity, joinCommunity } from '../communities/index.js';
import { charter, makeUser } from '../communities/testing.js';
import { startImportFromCli, sendWeeklyReports } from './index.js';
import { isoWeek, scoreChange, worsened } from './rules.js';
import { writeTelegramExport } from './testing.js';

describe('weekly report rules', () => {
  const community = { kind: 'community', score: 72, coreStatus: 'met' };
  it('is an alert when the group stops reading as a community or the core stops supplying, not on a first report', () => {
    expect(worsened(undefined, { ...community, kind: 'broadcast' })).toBeNull();
    expect(worsened(community, { ...community, kind: 'declining', score: 60 })).toBe('verdict');
    expect(worsened(community, { ...community, coreStatus: 'unmet' })).toBe('core');
    expect(worsened(community, { ...community, score: 70 })).toBeNull();
  });
  it('says the change of the score and names the week by its Monday', () => {
    expect(scoreChange(community, { ...community, score: 75.4 })).toBe('+3');
    expect(scoreChange(community, { ...community, score: 65 })).toBe('−7');
    expect(scoreChange(undefined, community)).toBe('');
    expect(isoWeek(new Date('2026-03-08T23:00:00Z'))).toBe('2026-03-02');
    expect(isoWeek(new Date('2026-03-09T01:00:00Z'))).toBe('2026-03-09');
  });
});

for (const dialect of DIALECTS) {
  describe(`weekly health report (${dialect})`, () => {
    let t: TestApp;
    let owner: string, admin: string, member: string, communityId: string;
    const notices = (userId: string) => t.db.kysely.selectFrom('notifications').select(['kind', 'data']).where('userId', '=', userId).where('kind', 'like', 'health.%').execute();

    beforeAll(async () => {
      t = await startTestApp(dialect, { now: '2026-03-02T02:00:00.000Z' });
      [owner, admin, member] = [await makeUser(t.db.kysely, 'Owner'), await makeUser(t.db.kysely, 'Admin'), await makeUser(t.db.kysely, 'Member')];
      communityId = (await createCommunity(t.ctx, owner, charter('weekly'))).community.id;
      for (const u of [admin, member]) await joinCommunity(t.ctx, { communityId, userId: u });
      await changeRole(t.ctx, 'weekly', owner, admin, 'admin');
      const started = await startImportFromCli(t.ctx, { slug: 'weekly' }, { path: await writeTelegramExport({ weeks: 6, start: '2026-01-19T02:00:00Z' }), fileName: 'result.json' });
      expect((await started.run()).state).toBe('done');
    });
    afterAll(() => t?.close());

    it('goes to the owner and admins once a week, as a notice and a mail with the score and next steps', async () => {
      expect(await sendWeeklyReports(t.ctx, t.clock.now())).toBe(1);
      expect(await sendWeeklyReports(t.ctx, t.clock.now())).toBe(0); // the same week: nothing more
      for (const u of [owner, admin]) expect((await notices(u)).map((n) => n.kind)).toEqual(['health.weekly']);
      expect(await notices(member)).toEqual([]);
      const mailTo = (u: string) => t.db.kysely.selectFrom('mailOutbox').select(['subject', 'textBody']).where('toAddress', '=', `${u}@test.local`).execute();
      for (const u of [owner, admin]) expect((await mailTo(u)).filter((m) => m.subject.includes('本周体检'))).toHaveLength(1);
      expect(await mailTo(member)).toEqual([]);
      const mail = (await mailTo(owner)).find((m) => m.subject.includes('本周体检'))!;
      expect(mail.textBody).toMatch(/\/100/);
      expect(mail.textBody).toContain('/c/weekly/console');
      expect(mail.textBody).not.toContain('{{');
    });
  });
}
