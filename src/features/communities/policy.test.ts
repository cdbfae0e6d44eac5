import { describe, expect, it } from 'vitest';
import { ACTIONS, assertCan, authorize, type Action, type Actor } from './policy.js';
import type { Role } from './rules.js';

const OWN = 'c-own';
const OTHER = 'c-other';

// Who may do what in their own community (Y = allowed). The target of member
// actions is an ordinary member; a role change asks for "core".
const MATRIX = `
                             owner  admin  core  member  nonmember  applicant  removed  visitor
community.view_public        Y      Y      Y     Y       Y          Y          Y        Y
community.view_member_home   Y      Y      Y     Y       N          N          N        N
community.edit_charter       Y      Y      N     N       N          N          N        N
console.open                 Y      Y      N     N       N          N          N        N
members.list                 Y      Y      N     N       N          N          N        N
members.change_role          Y      Y      N     N       N          N          N        N
members.remove               Y      Y      N     N       N          N          N        N
members.admit                Y      Y      N     N       N          N          N        N
members.ban                  Y      Y      N     N       N          N          N        N
activity.read                Y      Y      N     N       N          N          N        N
`;
// The same people acting on a community where they hold no membership.
const OTHER_MATRIX = `
                             owner  admin  core  member  nonmember  applicant  removed  visitor
community.view_public        Y      Y      Y     Y       Y          Y          Y        Y
community.view_member_home   N      N      N     N       N          N          N        N
community.edit_charter       N      N      N     N       N          N          N        N
console.open                 N      N      N     N       N          N          N        N
members.list                 N      N      N     N       N          N          N        N
members.change_role          N      N      N     N       N          N          N        N
members.remove               N      N      N     N       N          N          N        N
members.admit                N      N      N     N       N          N          N        N
members.ban                  N      N      N     N       N          N          N        N
activity.read                N      N      N     N       N          N          N        N
`;

function actorOf(kind: string): Actor {
  switch (kind) {
    case 'visitor':
      return { userId: null, membership: null };
    case 'nonmember':
      return { userId: 'u-actor', membership: null };
    case 'applicant':
      return { userId: 'u-actor', membership: { communityId: OWN, state: 'applicant', role: 'member' } };
    case 'removed':
      return { userId: 'u-actor', membership: { communityId: OWN, state: 'removed', role: 'member' } };
    default:
      return { userId: 'u-actor', membership: { communityId: OWN, state: 'member', role: kind as Role } };
  }
}

function parse(table: string) {
  const [header, ...rows] = table.trim().split('\n').map((l) => l.trim().split(/\s+/));
  return rows.flatMap(([action, ...cells]) => cells.map((cell, i) => ({ action: action as Action, who: header![i]!, allowed: cell === 'Y' })));
}

describe('policy matrix: role × action × own/other community', () => {
  it('the tables list every action', () => {
    for (const t of [MATRIX, OTHER_MATRIX]) expect(new Set(parse(t).map((c) => c.action))).toEqual(new Set(ACTIONS));
  });
  for (const [where, table, communityId] of [['own', MATRIX, OWN], ['other', OTHER_MATRIX, OTHER]] as const) {
    for (const { action, who, allowed } of parse(table)) {
      it(`${who} ${allowed ? 'may' : 'may not'} ${action} in ${where} community`, () => {
        expect(authorize(actorOf(who), action, { communityId, targetUserId: 'u-target', targetRole: 'member', newRole: 'core' })).toBe(allowed);
      });
    }
  }
});

// Which new roles an operator may give a target of each role (o a c m; '-' = none).
const ROLE_CHANGES = `
          owner  admin  core  member
owner     -      acm    acm   acm
admin     -      -      cm    cm
core      -      -      -     -
member    -      -      -     -
`;
// Whom an operator may remove or ban, by the target's role.
const REMOVALS = `
          owner  admin  core  member
owner     N      Y      Y     Y
admin     N      N      Y     Y
core      N      N      N     N
member    N      N      N     N
`;
const LETTER: Record<string, Role> = { o: 'owner', a: 'admin', c: 'core', m: 'member' };

describe('policy on other members: who may change whose role, remove and ban whom', () => {
  const grid = (table: string) => {
    const [header, ...rows] = table.trim().split('\n').map((l) => l.trim().split(/\s+/));
    return rows.flatMap(([actor, ...cells]) => cells.map((cell, i) => ({ actor: actor as Role, target: header![i] as Role, cell: cell! })));
  };
  for (const { actor, target, cell } of grid(ROLE_CHANGES)) {
    for (const [letter, newRole] of Object.entries(LETTER)) {
      const allowed = cell.includes(letter);
      it(`${actor} ${allowed ? 'may' : 'may not'} make a ${target} ${newRole}`, () => {
        expect(authorize(actorOf(actor), 'members.change_role', { communityId: OWN, targetUserId: 'u-target', targetRole: target, newRole })).toBe(allowed);
      });
    }
  }
  for (const { actor, target, cell } of grid(REMOVALS)) {
    for (const action of ['members.remove', 'members.ban'] as const) {
      it(`${actor} ${cell === 'Y' ? 'may' : 'may not'} ${action} a ${target}`, () => {
        expect(authorize(actorOf(actor), action, { communityId: OWN, targetUserId: 'u-target', targetRole: target })).toBe(cell === 'Y');
      });
    }
  }
  it('nobody acts on themself: an admin cannot promote, demote or remove their own membership', () => {
    for (const role of ['owner', 'admin'] as const) {
      const me = actorOf(role);
      expect(authorize(me, 'members.change_role', { communityId: OWN, targetUserId: 'u-actor', targetRole: role, newRole: 'member' })).toBe(false);
      expect(authorize(me, 'members.remove', { communityId: OWN, targetUserId: 'u-actor', targetRole: role })).toBe(false);
    }
  });
  it('nobody acts on their own membership, even when the target is described as an ordinary member', () => {
    for (const role of ['owner', 'admin'] as const) {
      const me = { communityId: OWN, targetUserId: 'u-actor', targetRole: 'member' as const };
      expect(authorize(actorOf(role), 'members.change_role', { ...me, newRole: 'core' })).toBe(false);
      expect(authorize(actorOf(role), 'members.remove', me)).toBe(false);
      expect(authorize(actorOf(role), 'members.ban', me)).toBe(false);
    }
  });
  it('an owner may not change a role without being told the new role', () => {
    expect(authorize(actorOf('owner'), 'members.change_role', { communityId: OWN, targetUserId: 'u-target', newRole: 'core' })).toBe(false);
  });
  it('a role change without the target role or the new role is refused', () => {
    expect(authorize(actorOf('owner'), 'members.change_role', { communityId: OWN, targetUserId: 'u-target', targetRole: 'member' })).toBe(false);
    expect(authorize(actorOf('owner'), 'members.remove', { communityId: OWN, targetUserId: 'u-target' })).toBe(false);
  });
});

describe('actions on the community itself need no target', () => {
  it.each(['community.edit_charter', 'console.open', 'members.list', 'members.admit', 'activity.read'] as const)('an admin may %s; a core member may not', (action) => {
    expect(authorize(actorOf('admin'), action, { communityId: OWN })).toBe(true);
    expect(authorize(actorOf('core'), action, { communityId: OWN })).toBe(false);
  });
});

describe('assertCan', () => {
  it('lets an allowed action through and refuses another with a Forbidden naming the action', () => {
    expect(() => assertCan(actorOf('admin'), 'activity.read', { communityId: OWN })).not.toThrow();
    expect(() => assertCan(actorOf('member'), 'activity.read', { communityId: OWN })).toThrow(expect.objectContaining({ code: 'forbidden', message: 'not allowed: activity.read' }));
  });
});
