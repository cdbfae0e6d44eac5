/**
 * Cookie sessions: an unguessable token in an httpOnly SameSite=Lax cookie; the
 * database keeps only its hash, so a leaked database does not leak live sessions.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { hashSecret, newSecret } from '../ids.js';

export const SESSION_COOKIE = 'shequn_session';
export const SESSION_DAYS = 30;

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: string | null;
}

export async function createSession(db: Kysely<Database>, userId: string, clock: Clock): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db
    .insertInto('sessions')
    .values({ id: hashSecret(token), userId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString(), lastSeenAt: now.toISOString() })
    .execute();
  return { token, expiresAt };
}

export async function readSession(db: Kysely<Database>, token: string | undefined, clock: Clock): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['users.id', 'users.email', 'users.displayName', 'users.locale', 'sessions.expiresAt'])
    .where('sessions.id', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row || row.expiresAt <= clock.now().toISOString()) return null;
  return { id: row.id, email: row.email, displayName: row.displayName, locale: row.locale };
}

export async function destroySession(db: Kysely<Database>, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('sessions').where('id', '=', hashSecret(token)).execute();
}

/** Signs a user out everywhere (after a password reset). */
export async function destroyUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}
