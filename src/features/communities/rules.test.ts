import { describe, expect, it } from 'vitest';
import { allowedTransitions, hasRoom, isActive, MEMBERSHIP_STATES, nextState, RESERVED_SLUGS, slugProblem, TRANSITION_EVENT, type MembershipState, type Transition } from './rules.js';
import { EVENT_KINDS } from '../../kernel/activity/taxonomy.js';

// Where each transition takes a membership in each state ('-' = not allowed), written out by hand.
const MACHINE = `
            apply      approve  reject    withdraw  join    leave  remove   ban     unban    readmit
none        applicant  -        -         -         member  -      -        -       -        -
applicant   -          member   rejected  left      member  -      -        banned  -        -
member      -          -        -         -         -       left   removed  banned  -        -
rejected    applicant  -        -         -         -       -      -        banned  -        -
left        applicant  -        -         -         member  -      -        banned  -        member
removed     applicant  -        -         -         -       -      -        banned  -        member
banned      -          -        -         -         -       -      -        -       removed  -
`;

const [header, ...rows] = MACHINE.trim().split('\n').map((l) => l.trim().split(/\s+/));
const transitions = header as Transition[];
const table = rows.map(([from, ...cells]) => ({ from: from as MembershipState | 'none', cells }));

describe('membership state machine', () => {
  it('the table covers every state and every transition', () => {
    expect(table.map((r) => r.from).sort()).toEqual(['none', ...MEMBERSHIP_STATES].sort());
    expect([...transitions].sort()).toEqual(Object.keys(TRANSITION_EVENT).sort());
  });

  for (const { from, cells } of table) {
    transitions.forEach((transition, i) => {
      const expected = cells[i]!;
      it(`${transition} from ${from} → ${expected === '-' ? 'refused' : expected}`, () => {
        const result = nextState(from, transition, 'member');
        if (expected === '-') {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reason).toContain(transition);
        } else {
          expect(result).toEqual({ ok: true, to: expected });
        }
      });
    });
    it(`allowedTransitions(${from}) lists exactly the allowed column entries`, () => {
      expect(allowedTransitions(from).sort()).toEqual(transitions.filter((_, i) => cells[i] !== '-').sort());
    });
  }

  it('the owner cannot leave, be removed or be banned', () => {
    for (const t of ['leave', 'remove', 'ban'] as const) {
      const r = nextState('member', t, 'owner');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/owner/);
    }
    expect(nextState('member', 'leave', 'admin')).toEqual({ ok: true, to: 'left' });
  });

  it('says why a transition is not possible, naming an absent membership as absent', () => {
    expect(nextState('none', 'approve')).toEqual({ ok: false, reason: 'cannot approve a membership that is absent' });
    expect(nextState('banned', 'leave')).toEqual({ ok: false, reason: 'cannot leave a membership that is banned' });
  });

  it('the owner is held only on the way out: other transitions apply to them as to anyone', () => {
    expect(nextState('member', 'leave', 'owner')).toEqual({ ok: false, reason: 'the owner cannot leave or be removed; transfer ownership first' });
    expect(nextState('left', 'readmit', 'owner')).toEqual({ ok: true, to: 'member' });
    expect(nextState('applicant', 'approve', 'owner')).toEqual({ ok: true, to: 'member' });
  });

  it('only a member is an active membership', () => {
    expect(MEMBERSHIP_STATES.filter(isActive)).toEqual(['member']);
  });

  it('every transition writes an event kind of the taxonomy', () => {
    for (const kind of Object.values(TRANSITION_EVENT)) expect(EVENT_KINDS).toContain(kind);
  });
});

describe('slugs and capacity', () => {
  it.each([
    ['pku-mba-2019', null],
    ['ab', 'use 3–40'],
    ['-abc', 'use 3–40'],
    ['abc-', 'use 3–40'],
    ['ABC', 'use 3–40'],
    ['北大', 'use 3–40'],
    ['a'.repeat(41), 'use 3–40'],
    ['a--b', 'no double dashes'],
    ['admin', 'reserved'],
  ])('slug %s → %s', (slug, problem) => {
    const p = slugProblem(slug);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });

  it.each(['api', 'new', 'admin', 'console', 'login', 'signin', 'signup', 'account', 'docs', 'healthz', 'static', 'assets'])('the address %s is reserved for the platform', (slug) => {
    expect(slugProblem(slug)).toBe('this address is reserved');
  });

  it('reserves exactly the platform addresses (c is too short to be a slug anyway)', () => {
    expect([...RESERVED_SLUGS].sort()).toEqual(['account', 'admin', 'api', 'assets', 'c', 'console', 'docs', 'healthz', 'login', 'new', 'signin', 'signup', 'static']);
  });

  it('a full community has no room; null capacity never fills', () => {
    expect(hasRoom(300, 299)).toBe(true);
    expect(hasRoom(300, 300)).toBe(false);
    expect(hasRoom(null, 1_000_000)).toBe(true);
  });
});
