/**
 * The one way to tell a person about a decision: an in-app notice in their
 * list and, for the kinds that mail (notice-kinds.ts), an e-mail in their
 * language. Both rows are written in the deciding transaction, so neither
 * exists for a decision that rolled back; the mail leaves through the outbox,
 * which only sends committed rows. Carriers (a DM in the chat group, say) will
 * join here, queued with `afterCommit`.
 *
 * Mail texts: `<feature>:mail.<event>.subject` and `.body`, with the notice's
 * data as parameters plus `name`, `community` and `link`. A `{ key, params }`
 * value (a pruning reason) is said in the reader's language; an ISO time is
 * shortened to its day.
 */
import type { AppContext } from '../../kernel/context.js';
import type { Q } from '../../kernel/db/tx.js';
import { DEFAULT_LANG, isLang, t, type Lang } from '../../kernel/i18n.js';
import { usersById } from '../accounts/index.js';
import { findCommunity } from '../communities/index.js';
import { NOTICE_KINDS, splitKind, type NoticeKind } from './notice-kinds.js';
import * as store from './store.js';

export type NoticeData = Record<string, unknown>;

/** Where the person acts on a notice of each feature (the web links the same pages). */
const PAGE: Record<string, string> = { gate: 'status', pruning: 'standing', health: 'console', activities: 'activities' };

export async function notify(ctx: AppContext, trx: Q, n: { communityId: string; userId: string; kind: NoticeKind; data?: NoticeData }): Promise<void> {
  const data = Object.fromEntries(Object.entries(n.data ?? {}).filter(([, v]) => v !== undefined && v !== null));
  await store.insertNotice(trx, ctx.clock.now(), { communityId: n.communityId, userId: n.userId, kind: n.kind, data });
  if (!NOTICE_KINDS[n.kind].mail) return;
  const user = (await usersById(trx, [n.userId])).get(n.userId);
  if (!user) return;
  const community = await findCommunity(trx, { id: n.communityId });
  const lang: Lang = isLang(user.locale) ? user.locale : DEFAULT_LANG;
  const [feature, event] = splitKind(n.kind);
  const params = {
    ...Object.fromEntries(Object.entries(n.data ?? {}).map(([k, v]) => [k, say(lang, feature, v)])),
    name: user.displayName,
    community: community.name,
    link: `${ctx.config.publicUrl}/c/${community.slug}/${PAGE[feature] ?? ''}`,
  };
  await ctx.mailer.enqueue(trx, {
    to: user.email,
    subject: t(lang, `${feature}:mail.${event}.subject`, params),
    text: t(lang, `${feature}:mail.${event}.body`, params),
  });
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

function say(lang: Lang, feature: string, v: unknown): string | number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return ISO_TIME.test(v) ? v.slice(0, 10) : v;
  if (v && typeof v === 'object' && 'key' in v) {
    const m = v as { key: string; params?: Record<string, string | number> };
    return t(lang, `${feature}:${m.key}`, m.params ?? {});
  }
  return '';
}
