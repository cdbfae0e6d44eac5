/**
 * Telling a person about a gate decision: an in-app notice (notifications
 * table, shown on the applicant's status page) and an e-mail in their
 * language, both inside the deciding transaction so neither is lost or sent
 * for a decision that rolled back.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { isLang, t, DEFAULT_LANG } from '../../kernel/i18n.js';
import { newId } from '../../kernel/ids.js';
import { insertNotification, userNames } from './store.js';

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
  await insertNotification(trx, { id: newId(at.getTime()), communityId: community.id, userId, kind, data: JSON.stringify(data), createdAt: at.toISOString(), readAt: null });
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
