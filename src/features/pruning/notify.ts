/**
 * Telling a member what pruning decided: an e-mail in their language (queued in
 * the outbox inside the deciding transaction). The in-app side is the member's
 * own status page, which reads the same warnings and decisions.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { DEFAULT_LANG, isLang, t, type Lang } from '../../kernel/i18n.js';
import type { Message } from './rules.js';

export type NoticeKind = 'warned' | 'removed' | 'appeal_granted' | 'appeal_denied';

export interface NoticeData {
  rule?: string;
  deadline?: string;
  reason?: Message;
  keep?: Message;
  appealUntil?: string;
  note?: string | null;
}

export async function notify(
  ctx: AppContext,
  trx: Kysely<Database>,
  communityId: string,
  userId: string,
  kind: NoticeKind,
  data: NoticeData,
): Promise<void> {
  const user = await trx.selectFrom('users').select(['email', 'locale']).where('id', '=', userId).executeTakeFirst();
  const community = await trx.selectFrom('communities').select(['name', 'slug']).where('id', '=', communityId).executeTakeFirst();
  if (!user || !community) return;
  const lang: Lang = isLang(user.locale) ? user.locale : DEFAULT_LANG;
  const link = `${ctx.config.publicUrl}/c/${community.slug}/standing`;
  const msg = (m?: Message) => (m ? t(lang, `pruning:${m.key}`, m.params ?? {}) : '');
  const day = (iso?: string) => iso?.slice(0, 10) ?? '';
  const params = {
    community: community.name,
    reason: msg(data.reason),
    keep: msg(data.keep),
    deadline: day(data.deadline),
    appealUntil: day(data.appealUntil),
    note: data.note ?? '',
    link,
  };
  await ctx.mailer.enqueue(trx, {
    to: user.email,
    subject: t(lang, `pruning:mail.${kind}.subject`, params),
    text: t(lang, `pruning:mail.${kind}.body`, params),
  });
}
