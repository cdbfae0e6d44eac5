import { describe, expect, it } from 'vitest';
import {
  channelOf, growthFactor, INVITE_CODE_PATTERN, inviteProblem, newInviteCode, quotaLeft,
  DEFAULT_QUOTA,
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

describe('growth factor', () => {
  it('k = referred joins in the period / members at its start; per inviter; null when there is no one to divide by', () => {
    expect(growthFactor({ base: 4, referredJoins: 3, inviters: 2 }, 'f', 't')).toMatchObject({ base: 4, referredJoins: 3, inviters: 2, k: 0.75, perInviter: 1.5 });
    expect(growthFactor({ base: 3, referredJoins: 1, inviters: 1 }, 'f', 't').k).toBe(0.333);
    expect(growthFactor({ base: 0, referredJoins: 0, inviters: 0 }, 'f', 't')).toMatchObject({ k: null, perInviter: null });
  });
});
