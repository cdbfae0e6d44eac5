/**
 * Health, live through the API on both engines: who may read the diagnosis
 * and import (owner and admins only), an upload imported with its progress
 * row, a re-import that adds nothing, and a link that changes the diagnosis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp, type TestClient } from '../../kernel/http/testing.js';
import { changeRole, joinCommunity } from '../communities/index.js';
import { telegramExport } from './testing.js';

const PASSWORD = 'health-test-2026';

interface Person {
  client: TestClient;
  id: string;
}

async function person(t: TestApp, name: string): Promise<Person> {
  const client = t.client();
  const res = await client.post('/api/auth/signup', { email: `${name}@example.com`, password: PASSWORD, displayName: name, locale: 'en' });
  expect(res.status).toBe(201);
  return { client, id: res.body.user.id };
}

async function community(owner: Person, slug: string): Promise<string> {
  const res = await owner.client.post('/api/communities', {
    slug,
    name: `Group ${slug}`,
    type: 'persona',
    sharedNeed: 'MBA applicants who want to get in',
    valuePromise: 'interview practice',
    norms: 'no ads',
    entryCriteria: 'applying this year',
  });
  expect(res.status).toBe(201);
  return res.body.community.id;
}

/** Polls the import until it is no longer running (no time limit of its own: vitest's deadline applies). */
async function finished(client: TestClient, slug: string, id: string) {
  for (;;) {
    const res = await client.get(`/api/communities/${slug}/imports/${id}`);
    expect(res.status).toBe(200);
    if (res.body.state !== 'running') return res.body;
    await new Promise((r) => setImmediate(r));
  }
}

for (const dialect of DIALECTS) {
  describe(`health API (${dialect})`, () => {
    let t: TestApp;
    let owner: Person, admin: Person, core: Person, member: Person, stranger: Person;
    let visitor: TestClient;
    const SLUG = 'kaoyan';
    const OTHER = 'elsewhere';
    const api = (path: string, slug = SLUG) => `/api/communities/${slug}${path}`;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      [owner, admin, core, member, stranger] = await Promise.all(['owner', 'admin', 'core', 'member', 'stranger'].map((n) => person(t, n)));
      visitor = t.client();
      const communityId = await community(owner, SLUG);
      await community(stranger, OTHER);
      for (const p of [admin, core, member]) await joinCommunity(t.ctx, { communityId, userId: p.id });
      await changeRole(t.ctx, SLUG, owner.id, admin.id, 'admin');
      await changeRole(t.ctx, SLUG, owner.id, core.id, 'core');
    });
    afterAll(() => t?.close());

    it('the diagnosis is for the owner and admins only; members, core, visitors and other communities are refused', async () => {
      expect((await owner.client.get(api('/health'))).status).toBe(200);
      expect((await admin.client.get(api('/health'))).status).toBe(200);
      expect((await core.client.get(api('/health'))).status).toBe(403);
      expect((await member.client.get(api('/health'))).status).toBe(403);
      expect((await visitor.get(api('/health'))).status).toBe(401);
      // The owner of another community cannot read this one, nor this owner theirs.
      expect((await stranger.client.get(api('/health'))).status).toBe(403);
      expect((await owner.client.get(api('/health', OTHER))).status).toBe(403);
    });

    it('imports, identities and their progress are for the owner and admins only', async () => {
      const body = telegramExport({ weeks: 1 });
      for (const [who, status] of [
        [member.client, 403],
        [core.client, 403],
        [visitor, 401],
        [stranger.client, 403],
      ] as const) {
        expect((await who.upload(api('/imports?name=result.json'), body)).status).toBe(status);
        expect((await who.get(api('/imports'))).status).toBe(status);
        expect((await who.get(api('/identities'))).status).toBe(status);
        expect((await who.post(api('/identities/link'), { carrier: 'telegram', externalId: 'user1', outsider: true })).status).toBe(status);
      }
      expect((await owner.client.get(api('/imports'))).body.imports).toEqual([]);
    });

    it('a bad range is a 400 naming the field', async () => {
      const res = await owner.client.get(api('/health?from=yesterday'));
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('from');
    });

    it('an upload is imported; the same export again adds nothing; a link makes the chat author the member', async () => {
      const before = (await owner.client.get(api('/health'))).body;
      const bytes = telegramExport({ weeks: 6 });

      const started = await admin.client.upload(api('/imports?name=result.json'), bytes);
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ state: 'running', fileName: 'result.json' });
      const first = await finished(admin.client, SLUG, started.body.id);
      expect(first).toMatchObject({ state: 'done', format: 'telegram', carrier: 'telegram', skipped: 0 });
      expect(first.added).toBeGreaterThan(200);
      expect(first.bytesRead).toBe(first.bytesTotal);

      const health = (await owner.client.get(api('/health'))).body;
      expect(health.source.messages).toBe(before.source.messages + first.added);
      expect(health.graph.nodes.map((n: { name: string }) => n.name)).toContain('陈一');

      // The same file again: nothing added, every event skipped.
      const again = await finished(owner.client, SLUG, (await owner.client.upload(api('/imports?name=result.json'), bytes)).body.id);
      expect(again).toMatchObject({ state: 'done', added: 0, skipped: first.added });
      expect((await owner.client.get(api('/health'))).body.source.messages).toBe(health.source.messages);

      // Every author is listed, unmatched, with what they wrote.
      const ids = (await owner.client.get(api('/identities'))).body.identities;
      expect(ids).toHaveLength(8);
      expect(ids.find((i: { externalId: string }) => i.externalId === 'user1')).toMatchObject({ displayName: '陈一', status: 'unmatched', member: null });

      // Linking 陈一 to the owner: one person, named as the member, in past imports too.
      const linked = await owner.client.post(api('/identities/link'), { carrier: 'telegram', externalId: 'user1', userId: owner.id });
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({ status: 'linked', member: { id: owner.id, displayName: 'owner' } });
      const after = (await owner.client.get(api('/health'))).body;
      expect(after.source.members).toBe(health.source.members - 1);
      const names = after.graph.nodes.map((n: { name: string }) => n.name);
      expect(names).toContain('owner');
      expect(names).not.toContain('陈一');

      // Someone who is not a member cannot be linked.
      const bad = await owner.client.post(api('/identities/link'), { carrier: 'telegram', externalId: 'user2', userId: stranger.id });
      expect(bad.status).toBe(400);
    });

    it('a file that is no chat export fails with a message, and adds nothing', async () => {
      const res = await owner.client.upload(api('/imports?name=notes.txt'), 'just some notes, not a chat');
      expect(res.status).toBe(202);
      const done = await finished(owner.client, SLUG, res.body.id);
      expect(done.state).toBe('failed');
      expect(done.error).toContain('notes.txt');
      expect(done.added).toBe(0);
    });
  });
}

