/**
 * Telling a person about a gate decision: an in-app notice (the shared list in
 * members/notices.ts, shown by the bell and on the status page) and an e-mail in their
 * language, both inside the deciding transaction so neither is lost or sent
 * for a decision that rolled back.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { isLang, t, DEFAULT_LANG } from '../../kernel/i18n.js';
import { writeNotice } from '../members/notices.js';
import { userNames } from './store.js';

export type NoticeKind = 'approved' | 'rejected' | 'waitlisted' | 'admitted' | 'renewal';

export async function notify(
  ctx: AppContext,
  trx: Kysely<Database>,
  community: { id: string; slug: string; name: string },
  userId: string,
  kind: NoticeKind,
  data: Record<string, string | number> = {},
): Promise<void> {
  const at = ctx.clock.now();
  await writeNotice(trx, at, { communityId: community.id, userId, kind, data });
  const [user] = await userNames(trx, [userId]);
  if (!user) return;
  const lang = isLang(user.locale) ? user.locale : DEFAULT_LANG;
  const params = { ...data, name: user.displayName, community: community.name, link: `${ctx.config.publicUrl}/c/${community.slug}/status` };
  await ctx.mailer.enqueue(trx, {
    to: user.email,
    subject: t(lang, `gate:mail.${kind}.subject`, params),
    text: t(lang, `gate:mail.${kind}.text`, params),
  });
}
