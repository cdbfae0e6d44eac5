/** Test helpers of the content feature: a community with people in every standing, through the real API. */
import { expect } from 'vitest';
import type { TestApp } from '../../kernel/http/testing.js';
import { changeRole, joinCommunity, transitionMembership } from '../communities/index.js';
import { community, person, type Person } from '../gate/testing.js';

export interface Cast {
  slug: string;
  communityId: string;
  owner: Person;
  admin: Person;
  core: Person;
  member: Person;
  payer: Person;
  applicant: Person;
  removed: Person;
  elsewhere: Person;
  tierId: string;
}

/** Owner, admin, core member, member, paying member, applicant, removed member, and a member of another community. */
export async function cast(t: TestApp, slug: string): Promise<Cast> {
  const [owner, admin, core, member, payer, applicant, removed, elsewhere] = await Promise.all(
    ['Owner', '管理员', '骨干', '成员', '付费成员', '申请人', '被清理', '外人'].map((n) => person(t, n)),
  );
  await community(owner!, slug);
  await community(elsewhere!, `${slug}-x`);
  const communityId = (await t.db.kysely.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  for (const p of [admin!, core!, member!, payer!, removed!]) await joinCommunity(t.ctx, { communityId, userId: p.id });
  await changeRole(t.ctx, slug, owner!.id, admin!.id, 'admin');
  await changeRole(t.ctx, slug, owner!.id, core!.id, 'core');
  await transitionMembership(t.ctx, { communityId, userId: applicant!.id, transition: 'apply', by: applicant!.id });
  expect((await owner!.c.post(`/api/communities/${slug}/members/${removed!.id}/remove`, { reason: 'ads' })).status).toBe(200);
  const tier = await owner!.c.post(`/api/communities/${slug}/tiers`, { name: '年费会员', feeMinor: 19900, currency: 'CNY', periodUnit: 'year', periodCount: 1 });
  expect(tier.status, JSON.stringify(tier.body)).toBe(201);
  expect((await owner!.c.post(`/api/communities/${slug}/tiers/payments`, { userId: payer!.id, tierId: tier.body.tier.id })).status).toBe(201);
  return { slug, communityId, owner: owner!, admin: admin!, core: core!, member: member!, payer: payer!, applicant: applicant!, removed: removed!, elsewhere: elsewhere!, tierId: tier.body.tier.id };
}

/** Writes a post as `p` through the API and answers its id (a failed write fails the test with the answer). */
export function poster(c: Cast) {
  return async (p: Person, body: Record<string, unknown>): Promise<string> => {
    const r = await p.c.post(`/api/communities/${c.slug}/posts`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
}
