/**
 * What the gate's API returns, shaped from rows (no secrets, no other people's
 * answers). The shapes are the response schemas in schemas.ts; the store still
 * hands state and kind columns out as strings, hence the narrowing here.
 */
import type { InviteKind, Period } from './rules.js';
import type { ApplicationRow, InviteRow, TierRow } from './store.js';
import type { MyApplication, Tier } from './schemas.js';

export function toMyApplication(a: ApplicationRow) {
  return {
    id: a.id,
    state: a.state as MyApplication['state'],
    answers: JSON.parse(a.answers) as Record<string, string | string[]>,
    channel: a.channel,
    reason: a.reason,
    createdAt: a.createdAt,
    decidedAt: a.decidedAt,
    joinedAt: a.joinedAt,
  };
}

export function toQueueItem(a: ApplicationRow & { applicantName: string; applicantEmail: string; referrerName: string | null; inviteName: string | null }) {
  return {
    ...toMyApplication(a),
    applicant: { id: a.userId, displayName: a.applicantName, email: a.applicantEmail },
    referrer: a.referrerId ? { id: a.referrerId, displayName: a.referrerName ?? a.referrerId } : null,
    inviteName: a.inviteName,
    vouched: a.vouched === 1,
    ruleId: a.ruleId,
    decidedBy: a.decidedBy,
  };
}

export function toInvite(i: InviteRow, now: Date) {
  const expired = i.expiresAt !== null && new Date(i.expiresAt).getTime() <= now.getTime();
  return {
    id: i.id,
    kind: i.kind,
    ownerId: i.ownerId,
    name: i.name,
    channel: i.channel,
    vouch: i.vouch === 1,
    expiresAt: i.expiresAt,
    maxUses: i.maxUses,
    uses: i.uses,
    revokedAt: i.revokedAt,
    live: !i.revokedAt && !expired && (i.maxUses === null || i.uses < i.maxUses),
    createdAt: i.createdAt,
  };
}

export function toTier(t: TierRow): Tier {
  return { id: t.id, name: t.name, feeMinor: t.feeMinor, currency: t.currency, periodUnit: t.periodUnit as Period['periodUnit'], periodCount: t.periodCount, createdAt: t.createdAt };
}
