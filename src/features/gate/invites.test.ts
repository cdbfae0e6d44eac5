import { describe, expect, it } from 'vitest';
import {
  channelOf, growthFactor, INVITE_CODE_PATTERN, inviteProblem, joinsPerChannel, leaderboard, newInviteCode, quotaLeft, referralTree,
  DEFAULT_QUOTA, type Join,
} from './invites.js';

describe('invite codes', () => {
  it('are at least 128 bits of randomness and never repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, newInviteCode));
    expect(codes.size).toBe(2000);
    for (const c of [...codes].slice(0, 50)) {
      expect(c).toMatch(INVITE_CODE_PATTERN);
      expect(Buffer.from(c, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    }
  });

  it('stop working when revoked, expired or used up', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const base = { kind: 'campaign' as const, expiresAt: '2026-03-02T00:00:00Z', maxUses: 2, uses: 1, revokedAt: null };
    expect(inviteProblem(base, now)).toBeNull();
    expect(inviteProblem({ ...base, uses: 2 }, now)).toBe('used_up');
    expect(inviteProblem(base, new Date('2026-03-02T00:00:00Z'))).toBe('expired');
    expect(inviteProblem({ ...base, revokedAt: '2026-02-01T00:00:00Z' }, now)).toBe('revoked');
    expect(inviteProblem({ ...base, maxUses: null, expiresAt: null, uses: 10_000 }, now)).toBeNull();
  });

  it('personal quota depends on the role; owners are unlimited by default', () => {
    expect(quotaLeft(DEFAULT_QUOTA, 'member', 1)).toBe(2);
    expect(quotaLeft(DEFAULT_QUOTA, 'member', 5)).toBe(0);
    expect(quotaLeft(DEFAULT_QUOTA, 'core', 0)).toBe(10);
    expect(quotaLeft(DEFAULT_QUOTA, 'owner', 999)).toBeNull();
  });

  it('attributes joins to a channel', () => {
    expect(channelOf(null)).toBe('direct');
    expect(channelOf({ kind: 'personal', channel: null })).toBe('referral');
    expect(channelOf({ kind: 'campaign', channel: 'wechat-article' })).toBe('wechat-article');
  });
});

const joins: Join[] = [
  { userId: 'owner', referrerId: null, channel: 'direct', joinedAt: '2026-01-01T00:00:00Z' },
  { userId: 'a', referrerId: 'owner', channel: 'referral', joinedAt: '2026-01-05T00:00:00Z' },
  { userId: 'b', referrerId: 'owner', channel: 'referral', joinedAt: '2026-01-06T00:00:00Z' },
  { userId: 'c', referrerId: null, channel: 'salon', joinedAt: '2026-01-07T00:00:00Z' },
  { userId: 'd', referrerId: 'a', channel: 'referral', joinedAt: '2026-02-02T00:00:00Z' },
  { userId: 'e', referrerId: 'a', channel: 'referral', joinedAt: '2026-02-03T00:00:00Z' },
  { userId: 'f', referrerId: 'd', channel: 'referral', joinedAt: '2026-02-04T00:00:00Z' },
  { userId: 'g', referrerId: null, channel: 'salon', joinedAt: '2026-02-05T00:00:00Z' },
];

describe('referral analytics', () => {
  it('builds the tree with everyone below each member', () => {
    const roots = referralTree(joins);
    expect(roots.map((r) => r.userId)).toEqual(['owner', 'c', 'g']);
    const owner = roots[0]!;
    expect(owner.descendants).toBe(5);
    expect(owner.children.map((c) => c.userId)).toEqual(['a', 'b']);
    expect(owner.children[0]!.descendants).toBe(3);
  });

  it('ranks referrers by direct joins, then by their whole branch', () => {
    expect(leaderboard(joins)).toEqual([
      { userId: 'owner', direct: 2, total: 5 },
      { userId: 'a', direct: 2, total: 3 },
      { userId: 'd', direct: 1, total: 1 },
    ]);
  });

  it('counts joins per channel', () => {
    expect(joinsPerChannel(joins)).toEqual([{ channel: 'referral', joins: 5 }, { channel: 'salon', joins: 2 }, { channel: 'direct', joins: 1 }]);
  });

  it('growth factor k = referred joins in the period / members at its start', () => {
    const feb = growthFactor(joins, '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z');
    expect(feb).toMatchObject({ base: 4, referredJoins: 3, inviters: 2, k: 0.75, perInviter: 1.5 });
    expect(growthFactor(joins, '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z').k).toBeNull();
  });

  it('survives a referral cycle in bad data', () => {
    const loop: Join[] = [
      { userId: 'x', referrerId: 'y', channel: 'referral', joinedAt: '2026-01-01T00:00:00Z' },
      { userId: 'y', referrerId: 'x', channel: 'referral', joinedAt: '2026-01-02T00:00:00Z' },
    ];
    expect(() => leaderboard(loop)).not.toThrow();
  });
});
