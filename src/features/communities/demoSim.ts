/**
 * The clock, dice and bookkeeping of the demo simulation (demoPlan.ts): Beijing
 * days and hours, a seeded random source, the people and the events so far,
 * and weighted picks of whoever is a member at a given moment.
 */
import type { ActivityEvent } from '../../kernel/activity/taxonomy.js';
import type { MembershipState, Role } from './rules.js';
import { seededRandom } from '../../kernel/random.js';

export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const DEMO_DAYS = 56;
export const BURST = { from: 35, to: 41 }; // 联考网上报名: the exam-registration week

export interface DemoPerson {
  email: string;
  displayName: string;
  role: Role;
  state: MembershipState;
  createdAt: string;
  joinedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
}
/** An event whose actor and target are indexes into `people`. */
export interface DemoEvent extends Omit<ActivityEvent, 'actorId' | 'targetId'> {
  actor: number | null;
  target: number | null;
}
export interface DemoDecision {
  action: string;
  decidedBy: number;
  subject: number;
  reason: string | null;
  data?: Record<string, unknown>;
  at: string;
}

export interface SimPerson extends DemoPerson {
  /** How much this person talks, relative to others. */
  weight: number;
  joinMs: number;
  endMs: number;
  /** Share of core posts, from `staffFromMs` on (0 for ordinary members). */
  staffWeight: number;
  staffFromMs: number;
}

export class DemoSim {
  readonly rng: () => number;
  readonly nowMs: number;
  /** Beijing midnight of day 0, eight weeks ago; members live on Beijing time. */
  readonly day0: number;
  readonly people: SimPerson[] = [];
  readonly events: DemoEvent[] = [];
  readonly decisions: DemoDecision[] = [];
  /** Ordinary members (not staff, not rejected applicants). */
  readonly regular: number[] = [];
  owner = 0;
  admin = 1;
  private messages = 0;

  constructor(now: Date, seed: number) {
    this.rng = mulberry32(seed);
    this.nowMs = now.getTime();
    const bj = new Date(this.nowMs + 8 * HOUR);
    this.day0 = Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth(), bj.getUTCDate()) - 8 * HOUR - (DEMO_DAYS - 1) * DAY;
  }

  at(day: number, hour: number): number {
    return this.day0 + day * DAY + hour * HOUR;
  }
  weekend(day: number): boolean {
    return [0, 6].includes(new Date(this.day0 + day * DAY + 8 * HOUR).getUTCDay());
  }
  expo(mean: number): number {
    return -Math.log(1 - this.rng()) * mean;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rng() * xs.length)]!;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.rng() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
  /** Hours people write in: commutes, lunch, and above all evenings; weekends spread out. */
  hourOf(day: number): number {
    const r = this.rng();
    if (this.weekend(day)) return r < 0.6 ? 9 + this.rng() * 9 : 19 + this.rng() * 4.8;
    if (r < 0.12) return 7 + this.rng() * 2;
    if (r < 0.27) return 12 + this.rng() * 1.5;
    if (r < 0.35) return 9.5 + this.rng() * 8;
    return 19 + this.rng() * 4.8;
  }
  msgId(): string {
    return `demo-${++this.messages}`;
  }

  /** Records an event unless it would lie in the future. */
  emit(e: Omit<DemoEvent, 'at'>, ms: number): void {
    if (ms < this.nowMs - MIN) this.events.push({ ...e, at: iso(ms) });
  }
  decide(d: Omit<DemoDecision, 'at'>, ms: number): void {
    if (ms < this.nowMs - MIN) this.decisions.push({ ...d, at: iso(ms) });
  }
  add(p: Omit<SimPerson, 'createdAt' | 'joinedAt' | 'endedAt' | 'endReason' | 'state'>): number {
    return this.people.push({ ...p, state: 'member', createdAt: iso(p.joinMs), joinedAt: iso(p.joinMs), endedAt: null, endReason: null }) - 1;
  }
  end(i: number, state: 'left' | 'removed', ms: number, reason: string | null): void {
    Object.assign(this.people[i]!, { endMs: ms, state, endedAt: iso(ms), endReason: reason });
  }
  roleChange(i: number, from: Role, to: Role, ms: number): void {
    this.emit({ kind: 'member.role_changed', actor: this.owner, target: i, objectType: 'membership', objectId: null, data: { from, to } }, ms);
    this.decide({ action: 'member.role_changed', decidedBy: this.owner, subject: i, reason: null, data: { from, to } }, ms);
  }

  alive(i: number, ms: number): boolean {
    const p = this.people[i]!;
    return p.joinMs <= ms && ms < p.endMs;
  }
  /** Ordinary members who joined before `day` and are still there at the end. */
  stayersFrom(day: number): number[] {
    return this.regular.filter((i) => this.people[i]!.joinMs < this.at(day, 0) && this.people[i]!.endMs === Infinity);
  }
  /** A member present at `ms`, weighted by how much they talk. */
  anyMember(ms: number, not: number[] = []): number | null {
    return this.weighted(this.regular, ms, (i) => this.people[i]!.weight, not);
  }
  /** A core member, admin or owner present at `ms`, weighted by their share of core posts. */
  aStaff(ms: number, not: number[] = []): number | null {
    const authors = this.people.flatMap((p, i) => (p.staffWeight > 0 ? [i] : []));
    return this.weighted(authors, ms, (i) => (ms >= this.people[i]!.staffFromMs ? this.people[i]!.staffWeight : 0) + 1e-9, not);
  }

  private weighted(pool: number[], ms: number, w: (i: number) => number, not: number[]): number | null {
    const ok = pool.filter((i) => this.alive(i, ms) && !not.includes(i));
    let total = 0;
    for (const i of ok) total += w(i);
    let r = this.rng() * total;
    for (const i of ok) if ((r -= w(i)) <= 0) return i;
    return ok[ok.length - 1] ?? null;
  }
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The demo's seeded PRNG: the same seed gives the same community. */
export const mulberry32 = seededRandom;
