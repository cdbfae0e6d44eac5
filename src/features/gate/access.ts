import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';
import { actorIn, loadCommunity } from '../communities/service.js';
import { assertGate, type GateAction } from './policy.js';

/** The community by slug and the signed-in user acting in it, once they may do `action`. */
export async function gateActor(db: Kysely<Database>, slug: string, me: string, action: GateAction) {
  const community = await loadCommunity(db, slug);
  const { actor } = await actorIn(db, community.id, me);
  assertGate(actor, action, { communityId: community.id });
  return { community, actor };
}
