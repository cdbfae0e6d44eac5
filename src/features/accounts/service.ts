/**
 * Account use cases: sign up, sign in, sign out, profile, password reset.
 * Slow argon2 work happens before a transaction opens, so the embedded SQLite
 * database is never write-locked while a hash is computed.
 */
import type { AppContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/connect.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { Conflict, Invalid, Unauthorized } from '../../kernel/errors.js';
import { t, type Lang } from '../../kernel/i18n.js';
import { hashSecret, newId, newSecret } from '../../kernel/ids.js';
import { createSession, destroySession, destroyUserSessions } from '../../kernel/auth/session.js';
import { burnVerification, hashPassword, verifyPassword } from './password.js';
import * as rules from './rules.js';
import * as store from './store.js';
import type { User } from './store.js';

export type { User } from './store.js';

export interface SignedIn {
  user: User;
  session: { token: string; expiresAt: Date };
}

/** The one answer for an unknown email and a wrong password alike (no user enumeration). */
export const WRONG_CREDENTIALS = 'wrong email or password';

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  locale?: string;
}

/** Creates the account and its first session. `lang` is the request's language, kept when no locale is given. */
export async function signUp(ctx: AppContext, input: SignUpInput, lang: Lang): Promise<SignedIn> {
  const email = rules.normalizeEmail(input.email);
  const displayName = rules.normalizeDisplayName(input.displayName);
  const locale = input.locale ?? lang;
  checkEmail(email);
  check('password', rules.checkPassword(input.password, email));
  check('displayName', rules.checkDisplayName(displayName));
  check('locale', rules.checkLocale(locale));
  // Hash before looking anything up, so a taken address costs the same time as a free one.
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now().toISOString();
  const user: User = { id: newId(ctx.clock.now().getTime()), email, displayName, locale };
  try {
    return await inTransaction(ctx.db, async (trx) => {
      await store.insertUser(trx, { ...user, passwordHash, createdAt: now, updatedAt: now });
      return { user, session: await createSession(trx, user.id, ctx.clock) };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw Conflict('an account with this email already exists; sign in or reset the password', 'email');
    throw err;
  }
}

export async function signIn(ctx: AppContext, input: { email: string; password: string }): Promise<SignedIn> {
  const email = rules.normalizeEmail(input.email);
  const found = await store.findCredentials(ctx.db.kysely, email);
  if (!found) {
    await burnVerification(input.password);
    throw Unauthorized(WRONG_CREDENTIALS);
  }
  if (!(await verifyPassword(found.passwordHash, input.password))) throw Unauthorized(WRONG_CREDENTIALS);
  const { passwordHash: _, ...user } = found;
  return { user, session: await createSession(ctx.db.kysely, user.id, ctx.clock) };
}

export function signOut(ctx: AppContext, token: string | undefined): Promise<void> {
  return destroySession(ctx.db.kysely, token);
}

export function findUser(ctx: AppContext, userId: string): Promise<User | undefined> {
  return store.findUserById(ctx.db.kysely, userId);
}

export async function updateProfile(ctx: AppContext, userId: string, input: { displayName?: string; locale?: string }): Promise<User> {
  const changes: { displayName?: string; locale?: string; updatedAt: string } = { updatedAt: ctx.clock.now().toISOString() };
  if (input.displayName !== undefined) {
    changes.displayName = rules.normalizeDisplayName(input.displayName);
    check('displayName', rules.checkDisplayName(changes.displayName));
  }
  if (input.locale !== undefined) {
    check('locale', rules.checkLocale(input.locale));
    changes.locale = input.locale;
  }
  await store.updateUser(ctx.db.kysely, userId, changes);
  const user = await store.findUserById(ctx.db.kysely, userId);
  if (!user) throw Unauthorized();
  return user;
}

/**
 * Sends a reset link when the address has an account and does nothing visible
 * otherwise: the caller answers 202 either way. Returns the link (for the
 * operator's log in the embedded default) or null.
 */
export async function requestPasswordReset(ctx: AppContext, input: { email: string }, lang: Lang): Promise<{ link: string; to: string } | null> {
  const email = rules.normalizeEmail(input.email);
  checkEmail(email);
  const user = await store.findCredentials(ctx.db.kysely, email);
  if (!user) return null;
  const token = newSecret();
  const now = ctx.clock.now();
  const link = `${ctx.config.publicUrl.replace(/\/+$/, '')}/reset/${token}`;
  const mailIn = rules.mailLang(user.locale, lang);
  const params = { name: user.displayName, email: user.email, link, minutes: rules.RESET_TTL_MS / 60_000 };
  // The row and the mail commit together: no mail for a link that does not exist, no link nobody was sent.
  await inTransaction(ctx.db, async (trx) => {
    await store.insertReset(trx, {
      id: hashSecret(token),
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt: rules.resetExpiry(now).toISOString(),
    });
    await ctx.mailer.enqueue(trx, {
      to: user.email,
      subject: t(mailIn, 'accounts:resetMail.subject', params),
      text: t(mailIn, 'accounts:resetMail.body', params),
    });
  });
  return { link, to: user.email };
}

/** Sets the new password, voids every session and outstanding link, and signs in anew. */
export async function confirmPasswordReset(ctx: AppContext, input: { token: string; password: string }): Promise<SignedIn> {
  const tokenHash = hashSecret(input.token);
  const reset = await store.findReset(ctx.db.kysely, tokenHash);
  check('token', rules.checkReset(reset, ctx.clock.now()));
  const user = await store.findUserById(ctx.db.kysely, reset!.userId);
  if (!user) throw Invalid('token', 'this reset link is not valid; request a new one');
  check('password', rules.checkPassword(input.password, user.email));
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx.db, async (trx) => {
    const now = ctx.clock.now().toISOString();
    if (!(await store.consumeReset(trx, tokenHash, now))) throw Invalid('token', 'this reset link was already used; request a new one');
    await store.updateUser(trx, user.id, { passwordHash, updatedAt: now });
    await store.voidResets(trx, user.id, now);
    await destroyUserSessions(trx, user.id);
    return { user, session: await createSession(trx, user.id, ctx.clock) };
  });
}

/** Zod's code for a malformed address, so clients show their own translated "not an email address". */
function checkEmail(email: string): void {
  const problem = rules.checkEmail(email);
  if (problem) throw Invalid('email', problem, 'invalid_format', { format: 'email' });
}

function check(field: string, problem: rules.Problem): void {
  if (problem) throw Invalid(field, problem);
}
