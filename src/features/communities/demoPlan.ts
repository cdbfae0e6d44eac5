/**
 * The demo community's eight weeks, simulated: who joins when (a first wave, a
 * steady trickle, a burst at exam registration), who leaves, which advertisers
 * are removed, who is promoted to core — and, in demoTalk.ts, what they all
 * say and do. Pure and deterministic for a given clock and seed; people are
 * numbered, the loader (demo.ts) gives them ids.
 */
import * as D from './demoData.js';
import { simulateActivities, simulateTalk } from './demoTalk.js';
import { BURST, DAY, DemoSim, DEMO_DAYS, HOUR, MIN, iso, type DemoDecision, type DemoEvent, type DemoPerson } from './demoSim.js';

export type { DemoDecision, DemoEvent, DemoPerson };
export { DEMO_DAYS, mulberry32 } from './demoSim.js';

export interface DemoPlan {
  createdAt: string;
  people: DemoPerson[];
  events: DemoEvent[];
  decisions: DemoDecision[];
}

const REGULAR_MEMBERS = 212;

export function planDemo(now: Date, seed = 2019): DemoPlan {
  const sim = new DemoSim(now, seed);
  const createdMs = founding(sim);
  members(sim, createdMs);
  rejectedApplicants(sim);
  const spammers = departures(sim);
  promotions(sim);
  simulateTalk(sim);
  simulateActivities(sim, spammers);
  sim.emit({ kind: 'community.charter_updated', actor: sim.owner, target: null, objectType: 'community', objectId: null, data: { fields: ['capacity', 'teaser'] } }, sim.at(BURST.from + 1, 21.5));

  const events = [...sim.events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const people = sim.people.map(({ email, displayName, role, state, createdAt, joinedAt, endedAt, endReason }) => ({ email, displayName, role, state, createdAt, joinedAt, endedAt, endReason }));
  return { createdAt: iso(createdMs), people, events, decisions: sim.decisions };
}

/** The owner founds the group in the morning of day 0; the assistant and the core members follow. */
function founding(sim: DemoSim): number {
  const createdMs = sim.at(0, 9.5);
  const staff = D.STAFF.map((s, i) =>
    sim.add({
      email: s.key === 'owner' ? D.DEMO_OWNER_EMAIL : `${s.key}@${D.DEMO_EMAIL_DOMAIN}`,
      displayName: s.displayName,
      role: s.role,
      weight: 1.5,
      joinMs: i === 0 ? createdMs : i === 1 ? createdMs + 10 * MIN : sim.at(Math.min(2, i - 2), 20 + i * 0.3),
      endMs: Infinity,
      staffWeight: s.postWeight,
      staffFromMs: 0,
    }),
  );
  sim.owner = staff[0]!;
  sim.admin = staff[1]!;
  const { name, type } = D.DEMO_CHARTER;
  sim.emit({ kind: 'community.created', actor: sim.owner, target: null, objectType: 'community', objectId: null, data: { slug: D.DEMO_SLUG, name, type } }, createdMs);
  for (const i of staff) {
    const role = i === sim.admin ? 'member' : sim.people[i]!.role; // the assistant is promoted below
    sim.emit({ kind: 'member.joined', actor: i, target: null, objectType: 'membership', objectId: null, data: { role, via: i === sim.owner ? 'founder' : 'invite' } }, sim.people[i]!.joinMs);
  }
  sim.roleChange(sim.admin, 'member', 'admin', createdMs + 30 * MIN);
  return createdMs;
}

/** Members arrive by application (approved by the owner or the assistant) or by a member's referral; most introduce themselves. */
function members(sim: DemoSim, createdMs: number): void {
  const names = nameMaker(sim);
  const joins = Array.from({ length: REGULAR_MEMBERS }, () => sampleDay(sim))
    .map((d) => sim.at(d, d === 0 ? 20 + sim.rng() * 3 : sim.hourOf(d)))
    .sort((a, b) => a - b);
  joins.forEach((joinMs, n) => {
    const lurker = sim.rng() < 0.3;
    const i = sim.add({
      email: `member${String(n + 1).padStart(3, '0')}@${D.DEMO_EMAIL_DOMAIN}`,
      displayName: names(),
      role: 'member',
      weight: lurker ? 0.03 : 0.1 + 3 * sim.rng() ** 3,
      joinMs,
      endMs: Infinity,
      staffWeight: 0,
      staffFromMs: Infinity,
    });
    sim.regular.push(i);
    const membership = { objectType: 'membership', objectId: null } as const;
    if (sim.rng() < 0.6) {
      const approver = sim.rng() < 0.5 ? sim.owner : sim.admin;
      const applied = Math.max(createdMs + 20 * MIN, joinMs - (2 + sim.rng() * 28) * HOUR);
      sim.people[i]!.createdAt = iso(applied);
      sim.emit({ kind: 'member.applied', actor: i, target: null, ...membership, data: null }, applied);
      sim.emit({ kind: 'member.approved', actor: approver, target: i, ...membership, data: null }, joinMs);
      sim.decide({ action: 'application.approved', decidedBy: approver, subject: i, reason: null }, joinMs);
      sim.emit({ kind: 'member.joined', actor: i, target: null, ...membership, data: { role: 'member', via: 'application' } }, joinMs);
    } else {
      sim.emit({ kind: 'member.joined', actor: i, target: null, ...membership, data: { role: 'member', via: 'referral' } }, joinMs);
    }
    if (sim.rng() < 0.65) {
      const fields = ['city', 'work', 'offer', 'seeking'];
      sim.emit({ kind: 'member.introduced', actor: i, target: null, objectType: 'profile', objectId: null, data: { fields } }, joinMs + sim.expo(3 * HOUR));
    }
  });
}

/** A few applicants do not meet the entry criteria. */
function rejectedApplicants(sim: DemoSim): void {
  const names = nameMaker(sim, new Set(sim.people.map((p) => p.displayName)));
  for (let n = 1; n <= 5; n++) {
    const day = 3 + Math.floor(sim.rng() * 48);
    const applied = sim.at(day, sim.hourOf(day));
    const decided = applied + 6 * HOUR;
    const i = sim.add({ email: `applicant${n}@${D.DEMO_EMAIL_DOMAIN}`, displayName: names(), role: 'member', weight: 0, joinMs: applied, endMs: applied, staffWeight: 0, staffFromMs: Infinity });
    Object.assign(sim.people[i]!, { state: 'rejected', joinedAt: null, endedAt: iso(decided), endReason: D.REJECT_REASON });
    sim.emit({ kind: 'member.applied', actor: i, target: null, objectType: 'membership', objectId: null, data: null }, applied);
    sim.emit({ kind: 'member.rejected', actor: sim.admin, target: i, objectType: 'membership', objectId: null, data: { reason: D.REJECT_REASON } }, decided);
    sim.decide({ action: 'application.rejected', decidedBy: sim.admin, subject: i, reason: D.REJECT_REASON }, decided);
  }
}

/** Three advertisers post a link and are removed within hours; six members leave on their own. Returns the advertisers. */
function departures(sim: DemoSim): number[] {
  const spammers = sim.shuffle(sim.stayersFrom(45).filter((i) => sim.people[i]!.joinMs > sim.at(5, 0))).slice(0, 3);
  for (const i of spammers) {
    const p = sim.people[i]!;
    p.weight = 0.02;
    const adMs = p.joinMs + (1 + sim.rng() * 4) * DAY;
    const data = { origin: 'link', textLength: 60 + Math.floor(sim.rng() * 80), links: ['https://mba-kaoqian.example.com/'] } as const;
    sim.emit({ kind: 'content.posted', actor: i, target: null, objectType: 'message', objectId: sim.msgId(), data: { ...data, links: [...data.links] } }, adMs);
    const removedMs = adMs + (0.5 + sim.rng() * 2.5) * HOUR;
    const by = sim.rng() < 0.7 ? sim.admin : sim.owner;
    sim.end(i, 'removed', removedMs, D.REMOVAL_REASON);
    sim.emit({ kind: 'member.removed', actor: by, target: i, objectType: 'membership', objectId: null, data: { reason: D.REMOVAL_REASON } }, removedMs);
    sim.decide({ action: 'member.removed', decidedBy: by, subject: i, reason: D.REMOVAL_REASON }, removedMs);
  }
  for (const i of sim.shuffle(sim.stayersFrom(45)).slice(0, 6)) {
    const p = sim.people[i]!;
    const room = Math.min(20, (sim.nowMs - 2 * HOUR - p.joinMs) / DAY);
    const leftMs = p.joinMs + (3 + sim.rng() * (room - 3)) * DAY;
    const reason = sim.pick(D.LEAVE_REASONS);
    sim.end(i, 'left', leftMs, reason);
    sim.emit({ kind: 'member.left', actor: i, target: null, objectType: 'membership', objectId: null, data: reason ? { reason } : null }, leftMs);
  }
  return spammers;
}

/** The most talkative early members become core members (骨干) and start writing core posts. */
function promotions(sim: DemoSim): void {
  for (const [joinedBefore, onDay] of [[14, 24], [30, 43]] as const) {
    const star = sim.stayersFrom(joinedBefore).sort((a, b) => sim.people[b]!.weight - sim.people[a]!.weight)[0]!;
    const promotedMs = sim.at(onDay, 21 + sim.rng());
    Object.assign(sim.people[star]!, { role: 'core', staffWeight: 0.15, staffFromMs: promotedMs });
    sim.roleChange(star, 'member', 'core', promotedMs);
  }
}

/** A join day: a first wave from the founder's contacts, a trickle, and the registration burst. */
function sampleDay(sim: DemoSim): number {
  const weight = (d: number) => (d < 7 ? 4 : d >= BURST.from && d <= BURST.to ? 4.5 : 1);
  let total = 0;
  for (let d = 0; d < DEMO_DAYS - 1; d++) total += weight(d);
  let r = sim.rng() * total;
  for (let d = 0; d < DEMO_DAYS - 1; d++) if ((r -= weight(d)) <= 0) return d;
  return DEMO_DAYS - 2;
}

/** Unique group-card names (群名片): mostly 姓名-行业-城市 as the norms ask, some plain names, a few nicknames. */
function nameMaker(sim: DemoSim, used = new Set<string>()): () => string {
  return () => {
    for (;;) {
      const name = sim.pick(D.SURNAMES) + sim.pick(D.GIVEN_CHARS) + (sim.rng() < 0.6 ? sim.pick(D.GIVEN_CHARS) : '');
      const r = sim.rng();
      const card = r < 0.7 ? `${name}-${sim.pick(D.INDUSTRIES)}-${sim.pick(D.CITIES)}` : r < 0.92 ? name : sim.pick(D.NICKNAMES);
      if (!used.has(card)) {
        used.add(card);
        return card;
      }
    }
  };
}
