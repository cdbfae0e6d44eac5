/**
 * Telling a member what pruning decided: an in-app notice in the member's one
 * notices list (members/notices.ts, kind `pruning.<kind>`) and, for the
 * decisions that need action or change membership, an e-mail in their language.
 * Both are written inside the deciding transaction.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { DEFAULT_LANG, isLang, t, type Lang } from '../../kernel/i18n.js';
import { writeNotice } from '../members/notices.js';
import type { Message } from './rules.js';

export type NoticeKind = 'warned' | 'cleared' | 'removed' | 'appeal_granted' | 'appeal_denied' | 'report_upheld' | 'report_dismissed' | 'reported_upheld';

/** Good news and report outcomes stay in-app: no e-mail for them. */
const MAILED: ReadonlySet<NoticeKind> = new Set(['warned', 'removed', 'appeal_granted', 'appeal_denied']);

export interface NoticeData {
  rule?: string;
  deadline?: string;
  reason?: Message;
  keep?: Message;
  appealUntil?: string;
  note?: string | null;
  /** Report outcomes: whom the report was about (told to the reporter only). */
  subject?: string;
}

export async function notify(
  ctx: AppContext,
  trx: Kysely<Database>,
  communityId: string,
  userId: string,
  kind: NoticeKind,
  data: NoticeData,
): Promise<void> {
  const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== null));
  await writeNotice(trx, ctx.clock.now(), { communityId, userId, kind: `pruning.${kind}`, data: clean });
  if (!MAILED.has(kind)) return;
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
