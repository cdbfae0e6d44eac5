/**
 * Carrier identities: the chat authors imports have met, and the member each
 * is linked to. A link is stored once and read when health reads the log, so
 * it applies to every past import and every future one.
 */
import type { AppContext } from '../../kernel/context.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { Invalid, NotFound } from '../../kernel/errors.js';
import { usersById } from '../accounts/index.js';
import { membershipOf, openCommunity } from '../communities/index.js';
import * as store from './store.js';
import { externalRef } from './rules.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';

type Q = Kysely<Database>;

export interface IdentityView {
  carrier: string;
  externalId: string;
  displayName: string;
  messages: number;
  /** linked: to `member`; outsider: kept apart on purpose; unmatched: waiting for the operator. */
  status: 'linked' | 'outsider' | 'unmatched';
  member: { id: string; displayName: string } | null;
}

export async function listIdentities(ctx: AppContext, slug: string, userId: string | null): Promise<{ identities: IdentityView[] }> {
  const { community } = await openCommunity(ctx.db.kysely, { slug }, userId, 'console.open');
  const rows = await store.listIdentities(ctx.db.kysely, community.id);
  const users = await usersById(ctx.db.kysely, rows.flatMap((r) => (r.userId ? [r.userId] : [])));
  return {
    identities: rows.map((r) => {
      const u = r.userId ? users.get(r.userId) : undefined;
      return {
        carrier: r.carrier,
        externalId: r.externalId,
        displayName: r.displayName,
        messages: r.messages,
        status: u ? 'linked' : r.outsider ? 'outsider' : 'unmatched',
        member: u ? { id: u.id, displayName: u.displayName } : null,
      };
    }),
  };
}

export type LinkInput = { carrier: string; externalId: string } & ({ userId: string } | { outsider: true } | { unlink: true });

/** Links a chat author to a member of this community, keeps them as an outsider, or undoes either. */
export async function linkIdentity(ctx: AppContext, slug: string, userId: string | null, input: LinkInput): Promise<IdentityView> {
  return inTransaction(ctx.db, async (trx) => {
    const { community } = await openCommunity(trx, { slug }, userId, 'console.open');
    const row = await store.findIdentity(trx, community.id, input.carrier, input.externalId);
    if (!row) throw NotFound('identity');
    const at = ctx.clock.now().toISOString();
    if ('userId' in input) {
      const m = await membershipOf(trx, community.id, input.userId);
      if (!m) throw Invalid('userId', 'not a member of this community', 'not_member');
      await store.setIdentityLink(trx, community.id, input.carrier, input.externalId, { userId: input.userId, outsider: 0, updatedAt: at });
    } else {
      await store.setIdentityLink(trx, community.id, input.carrier, input.externalId, { userId: null, outsider: 'outsider' in input ? 1 : 0, updatedAt: at });
    }
    const users = 'userId' in input ? await usersById(trx, [input.userId]) : new Map();
    const u = 'userId' in input ? users.get(input.userId) : undefined;
    return {
      carrier: row.carrier,
      externalId: row.externalId,
      displayName: row.displayName,
      messages: row.messages,
      status: u ? 'linked' : 'outsider' in input ? 'outsider' : 'unmatched',
      member: u ? { id: u.id, displayName: u.displayName } : null,
    };
  });
}

/**
 * Chat authors an operator linked to a member, as `ext:<carrier>:<id>` → user id, so a
 * feature reading the activity log (pruning's inactivity rule) credits imported talk
 * to the member who wrote it. Bounded by the community's chat authors.
 */
export async function linkedAuthors(db: Q, communityId: string): Promise<Map<string, string>> {
  const rows = await store.linkedIdentities(db, communityId);
  return new Map(rows.map((r) => [externalRef(r.carrier, r.externalId), r.userId!]));
}
