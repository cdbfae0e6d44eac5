/**
 * Pure decisions about accounts: what counts as an email address, a password,
 * a display name, and when a password-reset link is still good. No I/O; time
 * comes in as an argument.
 */
import { isLang, type Lang } from '../../kernel/i18n.js';

export const EMAIL_MAX = 254; // RFC 5321 path limit
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200; // argon2 accepts more, but a bound stops hashing megabytes on request
export const DISPLAY_NAME_MAX = 60;
export const RESET_TTL_MS = 60 * 60 * 1000; // a reset link is good for one hour

/** Every rule answers with the problem in plain words, or null when the input is fine. */
export type Problem = string | null;

/**
 * The one canonical form of an address, used to sign up, sign in, reset and look up:
 * trimmed, Unicode NFC (so "é" typed on two keyboards is one address), and lower-cased
 * as a whole, so "Li@Example.com " and "li@example.com" are one account. (Strictly the
 * local part may be case-sensitive, but no mail provider people use treats it so, and
 * two accounts differing only by case would be a support trap.)
 */
export function normalizeEmail(raw: string): string {
  return raw.normalize('NFC').toLowerCase().normalize('NFC').trim();
}

export const EMAIL_LOCAL_MAX = 64; // RFC 5321 local-part limit

// Control and format characters (NUL, line breaks, right-to-left overrides) have no
// place in an address and would let one pose as another or break a mail header.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
// RFC 5322 "specials" are only valid inside quoted local parts, which nobody uses;
// refusing them keeps markup out of the pages that show addresses and keeps one
// address from reading as two ("a,b@c.cn") to the mailer.
const SPECIALS = /[<>()[\]\\,;:"]/;
// Deliberately loose otherwise: one @, something before it, a dotted domain after it,
// no spaces. The real check is whether the reset mail arrives.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function checkEmail(normalized: string): Problem {
  if (normalized.length === 0) return 'is required';
  if (INVISIBLE.test(normalized)) return 'must not contain control or invisible characters';
  if (SPECIALS.test(normalized)) return 'must not contain any of < > ( ) [ ] \\ , ; : "';
  if (normalized.length > EMAIL_MAX) return `must be at most ${EMAIL_MAX} characters`;
  if (!EMAIL_SHAPE.test(normalized)) return 'is not an email address (expected name@example.com)';
  if (normalized.lastIndexOf('@') > EMAIL_LOCAL_MAX) return `must have at most ${EMAIL_LOCAL_MAX} characters before the @`;
  return null;
}

/** Length counts characters as people see them (code points), so 8 汉字 are 8, not 8 UTF-16 units by accident. */
export function checkPassword(password: string, normalizedEmail?: string): Problem {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  if (password.trim().length === 0) return 'must not be only spaces';
  if (normalizedEmail && normalizeEmail(password) === normalizedEmail) return 'must not be your email address';
  return null;
}

/** Display names are shown to other members; trimmed, with inner runs of whitespace collapsed. */
export function normalizeDisplayName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

export function checkDisplayName(normalized: string): Problem {
  const length = [...normalized].length;
  if (length === 0) return 'is required';
  if (length > DISPLAY_NAME_MAX) return `must be at most ${DISPLAY_NAME_MAX} characters`;
  if (INVISIBLE.test(normalized)) return 'must not contain control or invisible characters';
  return null;
}

export function checkLocale(locale: string): Problem {
  return isLang(locale) ? null : 'must be one of zh-Hans, zh-Hant, en';
}

/** The language an account's mail is written in: the saved choice, else the request's. */
export function mailLang(accountLocale: string | null, requestLang: Lang): Lang {
  return isLang(accountLocale) ? accountLocale : requestLang;
}

export function resetExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_TTL_MS);
}

export interface ResetState {
  expiresAt: string;
  usedAt: string | null;
}

/** Why a reset link can no longer be used, or null when it can. */
export function checkReset(reset: ResetState | undefined, now: Date): Problem {
  if (!reset) return 'this reset link is not valid; request a new one';
  if (reset.usedAt) return 'this reset link was already used; request a new one';
  if (reset.expiresAt <= now.toISOString()) return 'this reset link has expired; request a new one';
  return null;
}
