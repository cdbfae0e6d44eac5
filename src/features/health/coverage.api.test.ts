/**
 * An imported chat is a source pruning can see: the import records the span it
 * covers, and talk by a chat author an operator linked to a member counts as
 * that member's activity, so the inactivity rule never warns someone for
 * silence that happened only where Shequn could not look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp, type TestClient } from '../../kernel/http/testing.js';
import { joinCommunity } from '../communities/index.js';
import { telegramExport } from './testing.js';

const PASSWORD = 'coverage-test-2026';
const SLUG = 'beikao';

async function signUp(t: TestApp, name: string): Promise<{ client: TestClient; id: string }> {
  const client = t.client();
  const res = await client.post('/api/auth/signup', { email: `${name}@example.com`, password: PASSWORD, displayName: name, locale: 'en' });
  expect(res.status).toBe(201);
  return { client, id: res.body.user.id };
}

async function finished(client: TestClient, id: string) {
  for (;;) {
    const res = await client.get(`/api/communities/${SLUG}/imports/${id}`);
    expect(res.status).toBe(200);
    if (res.body.state !== 'running') return res.body;
    await new Promise((r) => setImmediate(r));
  }
}

for (const dialect of DIALECTS) {
  describe(`imported chats and pruning (${dialect})`, () => {
    let t: TestApp;
    let owner: { client: TestClient; id: string };
    let member: { client: TestClient; id: string };
    const api = (path: string) => `/api/communities/${SLUG}${path}`;
    const inactiveRows = async () => {
      const dry = await owner.client.post(api('/pruning/dry-run'), { rules: { inactive: { enabled: true, threshold: 14 }, no_introduction: { enabled: false, threshold: 7 } } });
      expect(dry.status).toBe(200);
      return dry.body;
    };

    beforeAll(async () => {
      t = await startTestApp(dialect, { now: '2026-01-01T08:00:00.000Z' });
      owner = await signUp(t, 'owner');
      member = await signUp(t, 'member');
      const created = await owner.client.post('/api/communities', {
        slug: SLUG,
        name: '备考群',
        type: 'interest',
        sharedNeed: 'pass the MBA exam',
        valuePromise: 'notes and mock interviews',
        norms: 'no ads',
        entryCriteria: 'applying this year',
      });
      expect(created.status).toBe(201);
      await joinCommunity(t.ctx, { communityId: created.body.community.id, userId: member.id });
    });
    afterAll(() => t?.close());

    it('the import is listed as a source, and a linked author is not silent in Shequn’s eyes', async () => {
      // The chat runs from Jan 4 for eight weeks; the member says nothing inside Shequn.
      const started = await owner.client.upload(api('/imports?name=result.json'), telegramExport({ weeks: 8, start: '2026-01-04T02:00:00Z', name: '北大MBA备考群' }));
      expect(started.status).toBe(202);
      expect(await finished(owner.client, started.body.id)).toMatchObject({ state: 'done' });
      t.clock.set('2026-03-05T08:00:00.000Z');
      // Two months on, the session has lapsed: the owner signs in again.
      expect((await owner.client.post('/api/auth/signin', { email: 'owner@example.com', password: PASSWORD })).status).toBe(200);

      const before = await inactiveRows();
      expect(before.coverage.sources).toContainEqual(expect.objectContaining({ kind: 'import', carrier: 'telegram', label: '北大MBA备考群' }));
      const flagged = (body: { decisions: { ruleId: string; userId: string }[] }) => body.decisions.filter((d) => d.ruleId === 'inactive').map((d) => d.userId);
      expect(flagged(before)).toContain(member.id);

      // The operator says chat author user1 is this member: their chat talk now counts.
      const linked = await owner.client.post(api('/identities/link'), { carrier: 'telegram', externalId: 'user1', userId: member.id });
      expect(linked.status).toBe(200);
      expect(flagged(await inactiveRows())).not.toContain(member.id);
    });
  });
}
