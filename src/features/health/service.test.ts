/**
 * The health cache on both engines: answered from the cache while nothing
 * moved; a recent diagnosis is shown at once while new events are folded in
 * behind it (the refresh job catches up); an old one is recomputed first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../kernel/activity/log.js';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { createCommunity } from '../communities/index.js';
import { charter, makeUser } from '../communities/testing.js';
import { healthOf, refreshAllHealth, STALE_FOR_MS } from './index.js';

for (const dialect of DIALECTS) {
  describe(`health cache (${dialect})`, () => {
    let t: TestApp;
    let communityId: string;
    let owner: string;
    const post = () =>
      t.db.kysely.transaction().execute((trx) => appendEvent(trx, communityId, { kind: 'content.posted', at: t.clock.now().toISOString(), actorId: owner, data: { origin: 'original', textLength: 80 } }));
    const messages = async () => (await healthOf(t.ctx, communityId, 'g')).source.messages;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await makeUser(t.db.kysely);
      communityId = (await createCommunity(t.ctx, owner, charter('cache'))).community.id;
    });
    afterAll(() => t?.close());

    it('shows a recent diagnosis at once, catches up in the refresh job, and recomputes an old one first', async () => {
      expect(await messages()).toBe(0);
      await post();
      expect(await messages()).toBe(0); // recent: answered from the cache, refreshed behind the answer
      await refreshAllHealth(t.ctx);
      expect(await messages()).toBe(1);

      t.clock.advance(STALE_FOR_MS + 1000);
      await post();
      expect(await messages()).toBe(2); // too old to show: computed before answering
    });
  });
}
