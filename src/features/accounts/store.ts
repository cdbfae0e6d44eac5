/**
 * Queries for accounts and password resets. Accounts are not community-owned
 * rows (one person, many communities), so nothing here takes a communityId.
 * Every function takes the Kysely handle it should use, so a use case can pass
 * its transaction.
 */
import type { Kysely } from 'kysely';
import type { Database, UsersTable } from '../../kernel/db/schema.js';
import { indexDocuments } from '../../kernel/search/index.js';

type Q = Kysely<Database>;

/** What the API shows of an account: never the hash. */
export interface User {
  id: string;
  email: string;
  displayName: string;
  locale: string | null;
}

const PUBLIC_COLUMNS = ['id', 'email', 'displayName', 'locale'] as const;

export async function insertUser(db: Q, row: UsersTable): Promise<void> {
  await db.insertInto('users').values(row).execute();
  await indexPeople(db, [row]);
}

/**
 * People are found by name and email (member search): their search document
 * changes with the row, in the same transaction. Bulk loaders call this too.
 */
export async function indexPeople(db: Q, people: Pick<UsersTable, 'id' | 'displayName' | 'email'>[]): Promise<void> {
  await indexDocuments(db, 'user', people.map((p) => ({ docId: p.id, text: `${p.displayName} ${p.email}` })));
}

export function findUserById(db: Q, id: string): Promise<User | undefined> {
  return db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Includes the password hash: only for the sign-in check. */
export function findCredentials(db: Q, email: string): Promise<(User & { passwordHash: string }) | undefined> {
  return db
    .selectFrom('users')
    .select([...PUBLIC_COLUMNS, 'passwordHash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function updateUser(
  db: Q,
  id: string,
  changes: Partial<Pick<UsersTable, 'displayName' | 'locale' | 'passwordHash'>> & { updatedAt: string },
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
  if (changes.displayName !== undefined) {
    const person = await db.selectFrom('users').select(['id', 'displayName', 'email']).where('id', '=', id).executeTakeFirst();
    if (person) await indexPeople(db, [person]);
  }
}

export async function insertReset(db: Q, row: { id: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db.insertInto('passwordResets').values({ ...row, usedAt: null }).execute();
}

export function findReset(db: Q, tokenHash: string) {
  return db.selectFrom('passwordResets').selectAll().where('id', '=', tokenHash).executeTakeFirst();
}

/**
 * Marks the link used only if nobody used it first; returns false when another
 * request won the race, so a token can never reset a password twice.
 */
export async function consumeReset(db: Q, tokenHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('passwordResets')
    .set({ usedAt: at })
    .where('id', '=', tokenHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A successful reset also voids the user's other outstanding links. */
export async function voidResets(db: Q, userId: string, at: string): Promise<void> {
  await db.updateTable('passwordResets').set({ usedAt: at }).where('userId', '=', userId).where('usedAt', 'is', null).execute();
}

/** The outbox as a test or an operator reads it: newest first. */
export function listOutbox(db: Q, to?: string) {
  let q = db.selectFrom('mailOutbox').selectAll().orderBy('id', 'desc');
  if (to) q = q.where('toAddress', '=', to);
  return q.execute();
}

/** Names, addresses and languages of several people at once (notices, audit trails, referral trees). */
export async function usersById(db: Q, ids: readonly string[]): Promise<Map<string, User>> {
  const out = new Map<string, User>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}
