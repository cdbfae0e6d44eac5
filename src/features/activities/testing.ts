/** Test helpers of activities: a community with an owner, members and actors who are not members, through the real API. */
import type { TestApp } from '../../kernel/http/testing.js';
import { joinCommunity } from '../communities/index.js';
import { answers, community, person, type Person } from '../gate/testing.js';

export interface Cast {
  slug: string;
  communityId: string;
  owner: Person;
  members: Person[];
  /** Someone who applied and waits. */
  applicant: Person;
  /** A member who was removed. */
  removed: Person;
  /** A member of another community only. */
  outsider: Person;
}

export async function cast(t: TestApp, slug: string, memberCount = 3, extra: Record<string, unknown> = {}): Promise<Cast> {
  const owner = await person(t, 'Owner');
  await community(owner, slug, extra);
  const communityId = (await owner.c.get(`/api/communities/${slug}/home`)).body.community.id as string;
  const members: Person[] = [];
  for (let i = 0; i < memberCount; i++) members.push(await admitted(t, communityId, `Member${i}`));
  const removed = await admitted(t, communityId, 'Removed');
  await owner.c.post(`/api/communities/${slug}/members/${removed.id}/remove`, {});
  const applicant = await person(t, 'Applicant');
  await applicant.c.post(`/api/communities/${slug}/apply`, { answers: answers() });
  const outsider = await person(t, 'Outsider');
  await community(outsider, `${slug}-other`);
  return { slug, communityId, owner, members, applicant, removed, outsider };
}

export async function admitted(t: TestApp, communityId: string, name: string): Promise<Person> {
  const p = await person(t, name);
  await joinCommunity(t.ctx, { communityId, userId: p.id });
  return p;
}
