/**
 * The gate side of the demo community, loaded after `loadDemo`: the form,
 * rules and settings, campaign links, an application for every member who
 * came in (attributed to a channel, or to the member who referred them),
 * the rejected ones, a few still waiting, self-introductions for those who
 * wrote one, and a paid tier — so the funnel applied → approved → introduced
 * → active has real-looking numbers. Deterministic for a given clock.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import { appendEvents } from '../../kernel/activity/log.js';
import type { ActivityEvent } from '../../kernel/activity/taxonomy.js';
import { DAY_MS } from '../../kernel/clock.js';
import { inTransaction } from '../../kernel/db/tx.js';
import type { Database } from '../../kernel/db/schema.js';
import { hashSecret, newId } from '../../kernel/ids.js';
import { DEMO_SLUG, mulberry32 } from '../communities/index.js';
import { introDueAt } from '../members/index.js';
import * as D from './demoData.js';
import { newInviteCode, periodForPayment } from './rules.js';
import type { ApplicationRow } from './store.js';
import { insertUser } from '../accounts/index.js';
import type { ApplicationState } from './tables.js';

type Q = Kysely<Database>;
const MIN = 60_000;

export async function loadGateDemo(ctx: AppContext, opts: { slug?: string; force?: boolean } = {}): Promise<{ created: boolean; applications: number }> {
  const slug = opts.slug ?? DEMO_SLUG;
  return inTransaction(ctx.db, async (trx) => {
    const community = await trx.selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!community) return { created: false, applications: 0 };
    const cid = community.id;
    if (await trx.selectFrom('gateConfigs').select('communityId').where('communityId', '=', cid).executeTakeFirst()) {
      if (!opts.force) return { created: false, applications: 0 };
      for (const t of ['applications', 'invites', 'memberProfiles', 'payments', 'memberTiers', 'tiers', 'gateConfigs'] as const) await trx.deleteFrom(t).where('communityId', '=', cid).execute();
    }
    const rng = mulberry32(2019);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
    const now = ctx.clock.now();
    const ownerId = community.createdBy;

    await trx.insertInto('gateConfigs').values({ communityId: cid, form: JSON.stringify(D.DEMO_FORM), rules: JSON.stringify(D.DEMO_RULES), settings: JSON.stringify(D.DEMO_SETTINGS), updatedAt: community.createdAt, updatedBy: ownerId }).execute();
    const campaignIds = new Map<string, string>();
    for (const c of D.DEMO_CAMPAIGNS) {
      const id = newId(new Date(community.createdAt).getTime());
      campaignIds.set(c.channel, id);
      await trx.insertInto('invites').values({ id, communityId: cid, codeHash: hashSecret(newInviteCode()), kind: 'campaign', ownerId: null, name: c.name, channel: c.channel, vouch: 0, expiresAt: null, maxUses: null, uses: 0, revokedAt: null, createdBy: ownerId, createdAt: community.createdAt }).execute();
    }

    const members = await trx.selectFrom('memberships').selectAll().where('communityId', '=', cid).orderBy('joinedAt').execute();
    const events = await trx.selectFrom('activityEvents').select(['kind', 'actorId', 'targetId', 'at', 'data']).where('communityId', '=', cid).where('kind', 'in', ['member.applied', 'member.approved', 'member.joined', 'member.rejected', 'member.introduced']).execute();
    const first = (kind: string, key: 'actorId' | 'targetId', userId: string) => events.find((e) => e.kind === kind && e[key] === userId);
    const names = new Map((await trx.selectFrom('users').select(['id', 'displayName']).execute()).map((u) => [u.id, u.displayName]));

    const apps: ApplicationRow[] = [];
    const joinedBefore: string[] = [];
    const uses = new Map<string, number>();
    for (const m of members) {
      const joined = first('member.joined', 'actorId', m.userId);
      const via = (joined?.data ? (JSON.parse(joined.data) as { via?: string }).via : undefined) ?? 'direct';
      if (m.state === 'rejected') {
        const rejected = first('member.rejected', 'targetId', m.userId);
        apps.push(app(cid, m.userId, m.createdAt, 'rejected', answers(rng, pick, 'lt3'), 'direct', null, { reason: m.endReason, decidedBy: rejected?.actorId ?? ownerId, decidedAt: m.endedAt, ruleId: null }));
      } else if (m.joinedAt && (via === 'application' || via === 'referral')) {
        if (via === 'referral' && joinedBefore.length) {
          // Earlier, longer-standing members bring more friends: pick among the first half more often.
          const referrer = joinedBefore[Math.floor(rng() ** 2 * joinedBefore.length)]!;
          const inviteId = newId(new Date(m.joinedAt).getTime() - 60 * MIN);
          await trx.insertInto('invites').values({ id: inviteId, communityId: cid, codeHash: hashSecret(newInviteCode()), kind: 'personal', ownerId: referrer, name: null, channel: null, vouch: 0, expiresAt: null, maxUses: 1, uses: 1, revokedAt: null, createdBy: referrer, createdAt: iso(new Date(m.joinedAt).getTime() - 60 * MIN) }).execute();
          apps.push(app(cid, m.userId, iso(new Date(m.joinedAt).getTime() - 5 * MIN), 'approved', answers(rng, pick), 'referral', m.joinedAt, { referrerId: referrer, vouched: 1, ruleId: 'vouched', inviteId }));
        } else {
          const approved = first('member.approved', 'targetId', m.userId);
          const channel = channelFor(rng);
          if (channel !== 'direct') uses.set(channel, (uses.get(channel) ?? 0) + 1);
          apps.push(app(cid, m.userId, m.createdAt, 'approved', answers(rng, pick), channel, m.joinedAt, { decidedBy: approved?.actorId ?? ownerId, inviteId: campaignIds.get(channel) ?? null }));
        }
      }
      if (m.joinedAt && m.state === 'member') joinedBefore.push(m.userId);
      if (m.joinedAt) await profile(trx, cid, m.userId, m.joinedAt, first('member.introduced', 'actorId', m.userId)?.at ?? null, names.get(m.userId) ?? '', rng, pick, D.DEMO_SETTINGS.introDueDays);
    }
    for (const [channel, n] of uses) await trx.updateTable('invites').set({ uses: n }).where('id', '=', campaignIds.get(channel)!).execute();

    // A few people applied in the last days and wait for a decision.
    const pending = await pendingApplicants(trx, cid, ownerId, now.getTime(), rng, pick);
    apps.push(...pending.apps);
    for (let i = 0; i < apps.length; i += 200) await trx.insertInto('applications').values(apps.slice(i, i + 200)).execute();
    await appendEvents(trx, cid, pending.events);

    await paidTier(trx, cid, ownerId, members.filter((m) => m.state === 'member').map((m) => m.userId), now, rng);
    return { created: true, applications: apps.length };
  });
}

function app(communityId: string, userId: string, createdAt: string, state: ApplicationState, answers: Record<string, string | string[]>, channel: string, joinedAt: string | null, more: Partial<ApplicationRow> = {}): ApplicationRow {
  const decidedAt = more.decidedAt ?? joinedAt;
  return {
    id: newId(new Date(createdAt).getTime()), communityId, userId, state, answers: JSON.stringify(answers), inviteId: null, referrerId: null, channel, vouched: 0, ruleId: null, reason: null,
    decidedBy: null, decidedAt: state === 'pending' ? null : decidedAt, approvedAt: state === 'approved' ? joinedAt : null, joinedAt, createdAt, updatedAt: decidedAt ?? createdAt, ...more,
  };
}

function answers(rng: () => number, pick: <T>(xs: readonly T[]) => T, years?: string): Record<string, string | string[]> {
  const topics = ['essay', 'interview', 'logic', 'math', 'writing'].filter(() => rng() < 0.4).slice(0, 3);
  return {
    years: years ?? pick(['3to5', '3to5', '5to8', '5to8', 'gt8']),
    work: pick(['互联网产品经理', '咨询顾问', '银行客户经理', '快消品牌经理', '国企财务', '医药销售主管', '券商研究员', '制造业运营经理']),
    plan: rng() < 0.75 ? 'both' : 'exam',
    ...(topics.length ? { topics } : {}),
    why: pick(D.WHY),
  };
}

function channelFor(rng: () => number): string {
  let r = rng();
  for (const c of D.DEMO_CAMPAIGNS) if ((r -= c.share) < 0) return c.channel;
  return 'direct';
}

/** Group cards follow 姓名-行业-城市, so the introduction's city and work come from the card when it does. */
async function profile(trx: Q, communityId: string, userId: string, joinedAt: string, introducedAt: string | null, card: string, rng: () => number, pick: <T>(xs: readonly T[]) => T, dueDays: number) {
  const [, industry, city] = card.split('-');
  const intro = introducedAt ? { city: city ?? pick(['北京', '上海', '深圳', '杭州']), work: industry ? `${industry}行业，工作 ${3 + Math.floor(rng() * 8)} 年` : '在职备考', offer: pick(D.OFFER), seeking: pick(D.SEEKING) } : null;
  await trx.insertInto('memberProfiles').values({
    id: newId(new Date(joinedAt).getTime()), communityId, userId, normsAcceptedAt: iso(new Date(joinedAt).getTime() + 3 * MIN), intro: intro ? JSON.stringify(intro) : null, introducedAt, introDueAt: introDueAt(joinedAt, dueDays), updatedAt: introducedAt ?? joinedAt,
  }).execute();
}

async function pendingApplicants(trx: Q, communityId: string, ownerId: string, nowMs: number, rng: () => number, pick: <T>(xs: readonly T[]) => T) {
  const owner = await trx.selectFrom('users').select('passwordHash').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const apps: ApplicationRow[] = [];
  const events: ActivityEvent[] = [];
  for (const [n, name] of D.PENDING_NAMES.entries()) {
    const email = `pending${n + 1}@demo.shequn.local`;
    const at = iso(nowMs - (0.2 + rng() * 2.5) * DAY_MS);
    const existing = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    const userId = existing?.id ?? newId(new Date(at).getTime());
    if (!existing) await insertUser(trx, { id: userId, email, passwordHash: owner.passwordHash, displayName: name, locale: 'zh-Hans', createdAt: at, updatedAt: at });
    if (await trx.selectFrom('memberships').select('id').where('communityId', '=', communityId).where('userId', '=', userId).executeTakeFirst()) continue;
    const membershipId = newId(new Date(at).getTime());
    await trx.insertInto('memberships').values({ id: membershipId, communityId, userId, state: 'applicant', role: 'member', createdAt: at, joinedAt: null, endedAt: null, endReason: null, updatedAt: at }).execute();
    const channel = n % 3 === 0 ? 'wechat-article' : 'direct';
    apps.push(app(communityId, userId, at, 'pending', answers(rng, pick), channel, null));
    events.push({ kind: 'member.applied', at, actorId: userId, objectType: 'membership', objectId: membershipId, data: { via: channel } });
  }
  return { apps, events };
}

/** A paid tier for the members' study pack; some paid, a few due soon, a few lapsed. */
async function paidTier(trx: Q, communityId: string, ownerId: string, memberIds: string[], now: Date, rng: () => number) {
  const tierId = newId(now.getTime() - 50 * DAY_MS);
  const period = { periodUnit: 'month' as const, periodCount: 2 };
  await trx.insertInto('tiers').values({ id: tierId, communityId, name: '资料包会员', feeMinor: 9900, currency: 'CNY', ...period, archivedAt: null, createdAt: iso(now.getTime() - 50 * DAY_MS) }).execute();
  for (const userId of memberIds.filter(() => rng() < 0.15)) {
    const paidAt = new Date(now.getTime() - (5 + rng() * 60) * DAY_MS);
    const p = periodForPayment(null, paidAt, period);
    await trx.insertInto('payments').values({ id: newId(paidAt.getTime()), communityId, userId, tierId, amountMinor: 9900, currency: 'CNY', paidAt: paidAt.toISOString(), periodStart: p.start, periodEnd: p.end, markedBy: ownerId, note: null }).execute();
    await trx.insertInto('memberTiers').values({ id: newId(paidAt.getTime()), communityId, userId, tierId, paidThrough: p.end, remindersSent: '[]', updatedAt: paidAt.toISOString() }).execute();
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
