/**
 * Zod schemas of the accounts API: request bounds (documented in OpenAPI) and
 * the answers. The finer rules (email shape, password not equal to the email,
 * invisible characters) are in rules.ts.
 */
import { z } from 'zod';
import { LANGS } from '../../kernel/i18n.js';
import { DISPLAY_NAME_MAX, EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN } from './rules.js';

const email = z.string().max(EMAIL_MAX).describe('email address; compared case-insensitively');
const newPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const displayName = z.string().min(1).max(DISPLAY_NAME_MAX * 2);
const locale = z.enum(LANGS);

export const signUpBody = z.object({ email, password: newPassword, displayName, locale: locale.optional() });
export const signInBody = z.object({ email, password: z.string().min(1).max(PASSWORD_MAX) });
export const profilePatch = z.object({ displayName: displayName.optional(), locale: locale.optional() });
export const resetRequestBody = z.object({ email });
export const resetConfirmBody = z.object({ token: z.string().min(1).max(200), password: newPassword });

// ── responses ────────────────────────────────────────────────────────────────

export const user = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: z.string().nullable(),
});
export const userBody = z.object({ user });
export const meBody = z.object({ user: user.nullable() });
export const accepted = z.object({ ok: z.literal(true) });
/** 204: the answer has no body. */
export const noContent = z.null().describe('no content');

export type User = z.infer<typeof user>;
export type UserBody = z.infer<typeof userBody>;
export type MeBody = z.infer<typeof meBody>;
