/** Test helpers of the communities feature: accounts and communities on a real database. */
import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';
import { newId } from '../../kernel/ids.js';
import type { CharterInput } from './service.js';

let n = 0;
export async function makeUser(db: Kysely<Database>, displayName = `用户${++n}`): Promise<string> {
  const id = newId();
  const at = new Date().toISOString();
  await db
    .insertInto('users')
    .values({ id, email: `${id}@test.local`, passwordHash: 'x', displayName, locale: 'zh-Hans', createdAt: at, updatedAt: at })
    .execute();
  return id;
}

export function charter(slug: string, extra: Partial<CharterInput> = {}): CharterInput {
  return {
    slug,
    name: `社群 ${slug}`,
    type: 'interest',
    sharedNeed: '一起准备考试',
    valuePromise: '内部资料和答疑',
    norms: '不发广告',
    entryCriteria: '有报考计划',
    capacity: null,
    publicTeaser: true,
    teaser: '欢迎来看看',
    ...extra,
  };
}
