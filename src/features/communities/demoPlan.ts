/**
 * The demo community's eight weeks, simulated: who joins when (a first wave, a
 * steady trickle, a burst at exam registration), and what they do — core
 * members post mostly original material, members answer them and each other
 * (a semi-decentralised mesh), react, mention, check in, attend events; a few
 * leave, a few advertisers are removed, two active members become core.
 * Pure and deterministic for a given clock and seed; people are numbered, the
 * loader gives them ids.
 */
import type { ActivityEvent, ContentData } from '../../kernel/activity/taxonomy.js';
import type { MembershipState, Role } from './rules.js';
import * as D from './demoData.js';

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
export interface DemoPlan {
  createdAt: string;
  people: DemoPerson[];
  events: DemoEvent[];
  decisions: DemoDecision[];
}

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
export const DEMO_DAYS = 56;
const REGULAR_MEMBERS = 212;
const BURST = { from: 35, to: 41 }; // 联考网上报名 week

interface Sim extends DemoPerson {
  weight: number;
  joinMs: number;
  endMs: number;
  staffWeight: number; // > 0 for people who write core posts
  staffFromMs: number;
}

export function planDemo(now: Date, seed = 2019): DemoPlan {
  const rng = mulberry32(seed);
  const nowMs = now.getTime();
  // Day 0 starts at Beijing midnight eight weeks ago; members live on Beijing time.
  const bj = new Date(nowMs + 8 * HOUR);
  const day0 = Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth(), bj.getUTCDate()) - 8 * HOUR - (DEMO_DAYS - 1) * DAY;
  const at = (day: number, hour: number) => day0 + day * DAY + hour * HOUR;
  const weekend = (day: number) => [0, 6].includes(new Date(day0 + day * DAY + 8 * HOUR).getUTCDay());
  const iso = (ms: number) => new Date(ms).toISOString();
  const expo = (mean: number) => -Math.log(1 - rng()) * mean;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const hourOf = (day: number) => sampleHour(rng, weekend(day));

  const people: Sim[] = [];
  const events: DemoEvent[] = [];
  const decisions: DemoDecision[] = [];
  const emit = (e: Omit<DemoEvent, 'at'>, ms: number) => {
    if (ms < nowMs - MIN) events.push({ ...e, at: iso(ms) });
  };
  const add = (p: Omit<Sim, 'createdAt' | 'joinedAt' | 'endedAt' | 'endReason' | 'state'>) =>
    people.push({ ...p, state: 'member', createdAt: iso(p.joinMs), joinedAt: iso(p.joinMs), endedAt: null, endReason: null }) - 1;

  // ── staff: the owner founds the group, the assistant and the core members follow ──
  const createdMs = at(0, 9.5);
  const staff = D.STAFF.map((s, i) =>
    add({
      email: s.key === 'owner' ? D.DEMO_OWNER_EMAIL : `${s.key}@${D.DEMO_EMAIL_DOMAIN}`,
      displayName: s.displayName,
      role: s.role,
      weight: 1.5,
      joinMs: i === 0 ? createdMs : i === 1 ? createdMs + 10 * MIN : at(Math.min(2, i - 2), 20 + i * 0.3),
      endMs: Infinity,
      staffWeight: s.postWeight,
      staffFromMs: 0,
    }),
  );
  const [owner, admin] = [staff[0]!, staff[1]!];
  emit({ kind: 'community.created', actor: owner, target: null, objectType: 'community', objectId: null, data: { slug: D.DEMO_SLUG, name: D.DEMO_CHARTER.name, type: D.DEMO_CHARTER.type } }, createdMs);
  for (const i of staff) {
    const first = i === admin ? 'member' : people[i]!.role;
    emit({ kind: 'member.joined', actor: i, target: null, objectType: 'membership', objectId: null, data: { role: first, via: i === owner ? 'founder' : 'invite' } }, people[i]!.joinMs);
  }
  roleChange(admin, 'member', 'admin', createdMs + 30 * MIN);

  // ── members: join days weighted to a first wave and the registration burst ──
  const names = nameMaker(rng);
  const joinDays = Array.from({ length: REGULAR_MEMBERS }, () => sampleDay(rng));
  const joins = joinDays.map((d) => at(d, d === 0 ? 20 + rng() * 3 : hourOf(d))).sort((a, b) => a - b);
  const regular = joins.map((joinMs, n) => {
    const lurker = rng() < 0.3;
    return add({
      email: `member${String(n + 1).padStart(3, '0')}@${D.DEMO_EMAIL_DOMAIN}`,
      displayName: names(),
      role: 'member',
      weight: lurker ? 0.03 : 0.1 + 3 * rng() ** 3,
      joinMs,
      endMs: Infinity,
      staffWeight: 0,
      staffFromMs: Infinity,
    });
  });
  for (const i of regular) {
    const p = people[i]!;
    const approver = rng() < 0.5 ? owner : admin;
    if (rng() < 0.6) {
      const applied = Math.max(createdMs + 20 * MIN, p.joinMs - (2 + rng() * 28) * HOUR);
      p.createdAt = iso(applied);
      emit({ kind: 'member.applied', actor: i, target: null, objectType: 'membership', objectId: null, data: null }, applied);
      emit({ kind: 'member.approved', actor: approver, target: i, objectType: 'membership', objectId: null, data: null }, p.joinMs);
      decisions.push({ action: 'application.approved', decidedBy: approver, subject: i, reason: null, at: iso(p.joinMs) });
      emit({ kind: 'member.joined', actor: i, target: null, objectType: 'membership', objectId: null, data: { role: 'member', via: 'application' } }, p.joinMs);
    } else {
      emit({ kind: 'member.joined', actor: i, target: null, objectType: 'membership', objectId: null, data: { role: 'member', via: 'referral' } }, p.joinMs);
    }
    if (rng() < 0.65) emit({ kind: 'member.introduced', actor: i, target: null, objectType: 'profile', objectId: null, data: { fields: ['city', 'work', 'offer', 'seeking'] } }, p.joinMs + expo(3 * HOUR));
  }
  for (let n = 1; n <= 5; n++) {
    const day = 3 + Math.floor(rng() * 48);
    const applied = at(day, hourOf(day));
    const i = add({ email: `applicant${n}@${D.DEMO_EMAIL_DOMAIN}`, displayName: names(), role: 'member', weight: 0, joinMs: applied, endMs: applied, staffWeight: 0, staffFromMs: Infinity });
    Object.assign(people[i]!, { state: 'rejected', joinedAt: null, endedAt: iso(applied + 6 * HOUR), endReason: D.REJECT_REASON });
    emit({ kind: 'member.applied', actor: i, target: null, objectType: 'membership', objectId: null, data: null }, applied);
    emit({ kind: 'member.rejected', actor: admin, target: i, objectType: 'membership', objectId: null, data: { reason: D.REJECT_REASON } }, applied + 6 * HOUR);
    decisions.push({ action: 'application.rejected', decidedBy: admin, subject: i, reason: D.REJECT_REASON, at: iso(applied + 6 * HOUR) });
  }

  // ── who leaves, who is removed, who is promoted ──
  const early = (beforeDay: number) => regular.filter((i) => people[i]!.joinMs < at(beforeDay, 0) && people[i]!.endMs === Infinity);
  const spammers = shuffle(rng, early(45).filter((i) => people[i]!.joinMs > at(5, 0))).slice(0, 3);
  const counter = { n: 0 };
  const msgId = () => `demo-${++counter.n}`;
  for (const i of spammers) {
    const p = people[i]!;
    p.weight = 0.02;
    const adMs = p.joinMs + (1 + rng() * 4) * DAY;
    emit({ kind: 'content.posted', actor: i, target: null, objectType: 'message', objectId: msgId(), data: { origin: 'link', textLength: 60 + Math.floor(rng() * 80), links: ['https://mba-kaoqian.example.com/'] } }, adMs);
    const removedMs = adMs + (0.5 + rng() * 2.5) * HOUR;
    const by = rng() < 0.7 ? admin : owner;
    Object.assign(p, { endMs: removedMs, state: 'removed', endedAt: iso(removedMs), endReason: D.REMOVAL_REASON });
    emit({ kind: 'member.removed', actor: by, target: i, objectType: 'membership', objectId: null, data: { reason: D.REMOVAL_REASON } }, removedMs);
    decisions.push({ action: 'member.removed', decidedBy: by, subject: i, reason: D.REMOVAL_REASON, at: iso(removedMs) });
  }
  for (const i of shuffle(rng, early(45)).slice(0, 6)) {
    const p = people[i]!;
    const room = Math.min(20, (nowMs - 2 * HOUR - p.joinMs) / DAY);
    const leftMs = p.joinMs + (3 + rng() * (room - 3)) * DAY;
    const reason = pick(D.LEAVE_REASONS);
    Object.assign(p, { endMs: leftMs, state: 'left', endedAt: iso(leftMs), endReason: reason });
    emit({ kind: 'member.left', actor: i, target: null, objectType: 'membership', objectId: null, data: reason ? { reason } : null }, leftMs);
  }
  for (const [beforeDay, onDay] of [[14, 24], [30, 43]] as const) {
    const star = early(beforeDay).sort((a, b) => people[b]!.weight - people[a]!.weight)[0]!;
    const promotedMs = at(onDay, 21 + rng());
    Object.assign(people[star]!, { role: 'core', staffWeight: 0.15, staffFromMs: promotedMs });
    roleChange(star, 'member', 'core', promotedMs);
  }

  // ── talk: core posts with threads, members' own questions, reactions, mentions, pins ──
  const alive = (i: number, ms: number) => people[i]!.joinMs <= ms && ms < people[i]!.endMs;
  const weighted = (pool: number[], ms: number, w: (i: number) => number, not: number[] = []) => {
    const ok = pool.filter((i) => alive(i, ms) && !not.includes(i));
    let total = 0;
    for (const i of ok) total += w(i);
    let r = rng() * total;
    for (const i of ok) if ((r -= w(i)) <= 0) return i;
    return ok[ok.length - 1] ?? null;
  };
  const everyone = people.map((_, i) => i);
  const authors = () => everyone.filter((i) => people[i]!.staffWeight > 0);
  const anyMember = (ms: number, not: number[] = []) => weighted(regular, ms, (i) => people[i]!.weight, not);
  const aStaff = (ms: number, not: number[] = []) => weighted(authors(), ms, (i) => (ms >= people[i]!.staffFromMs ? people[i]!.staffWeight : 0) + 1e-9, not);

  const thread = (postId: string, author: number, startMs: number, replies: number, staffShare: number) => {
    const lastMsg = new Map<number, string>([[author, postId]]);
    let t = startMs;
    let previous = author;
    for (let k = 0; k < replies; k++) {
      t += expo(12 * MIN) + MIN;
      const others = [...lastMsg.keys()].filter((x) => x !== author);
      let actor: number | null;
      let target: number;
      if (others.length && rng() < 0.25) {
        actor = author; // the author answers someone in the thread
        target = pick(others);
      } else {
        actor = rng() < staffShare ? aStaff(t, [previous]) : anyMember(t, [previous]);
        if (actor === null) continue;
        const candidates = [...lastMsg.keys()].filter((x) => x !== actor);
        target = rng() < 0.55 || candidates.length < 2 ? author : pick(candidates);
        if (target === actor) continue;
      }
      const id = msgId();
      const data: ContentData & Record<string, unknown> = { origin: 'original', textLength: 4 + Math.min(600, Math.floor(expo(45))), replyToObjectId: lastMsg.get(target) };
      if (rng() < 0.3) data.quote = true;
      emit({ kind: 'content.replied', actor, target, objectType: 'message', objectId: id, data }, t);
      if (rng() < 0.12) {
        const mentioned = rng() < 0.5 ? aStaff(t, [actor]) : target;
        if (mentioned !== null && mentioned !== actor) emit({ kind: 'content.mentioned', actor, target: mentioned, objectType: 'message', objectId: id, data: null }, t);
      }
      lastMsg.set(actor, id);
      previous = actor;
    }
  };
  const react = (postId: string, author: number, startMs: number, count: number) => {
    const done: number[] = [author];
    for (let k = 0; k < count; k++) {
      const ms = startMs + expo(90 * MIN);
      const who = anyMember(ms, done);
      if (who === null) break;
      done.push(who);
      emit({ kind: 'content.reacted', actor: who, target: author, objectType: 'message', objectId: postId, data: { reaction: pick(['👍', '❤️', '🙏', '👏', '💪']) } }, ms);
    }
  };

  for (let day = 0; day < DEMO_DAYS; day++) {
    const burst = day >= BURST.from && day <= BURST.to;
    const topics = D.CORE_TOPICS[Math.min(D.CORE_TOPICS.length - 1, Math.floor(day / 7))]!;
    const corePosts = (weekend(day) ? 2 : 1) + (rng() < 0.5 ? 1 : 0) + (burst ? 1 : 0);
    for (let k = 0; k < corePosts; k++) {
      const ms = at(day, Math.max(hourOf(day), day === 0 ? 11 : 0));
      const author = aStaff(ms);
      if (author === null) continue;
      const official = D.STAFF[author]?.key === 'admissions';
      const r = rng();
      const origin = r < (official ? 0.7 : 0.85) ? 'original' : r < (official ? 1 : 0.93) ? 'forwarded' : 'link';
      const source = pick(D.PUBLIC_SOURCES);
      const data: ContentData & Record<string, unknown> = { origin, title: pick(topics) };
      if (origin === 'original') {
        data.textLength = 200 + Math.floor(rng() * 1600);
        if (rng() < 0.25) data.media = pick(['file', 'photo'] as const);
      } else {
        data.textLength = 40 + Math.floor(rng() * 260);
        data.links = [source.link];
        if (origin === 'forwarded') data.forwardedFrom = source.from;
      }
      const id = msgId();
      emit({ kind: 'content.posted', actor: author, target: null, objectType: 'message', objectId: id, data }, ms);
      thread(id, author, ms, 2 + Math.floor(expo(origin === 'original' ? 5 : 1.5)), 0.1);
      react(id, author, ms, 2 + Math.floor(rng() * (origin === 'original' ? 12 : 4)));
      if (origin === 'original' && rng() < 0.25) {
        emit({ kind: 'content.pinned', actor: rng() < 0.5 ? owner : admin, target: author, objectType: 'message', objectId: id, data: null }, ms + expo(2 * HOUR));
      }
    }
    const memberPosts = Math.round((2 + Math.floor(rng() * 4) + (weekend(day) ? 2 : 0)) * (burst ? 1.8 : 1) * Math.min(1, 0.3 + day / 10));
    for (let k = 0; k < memberPosts; k++) {
      const ms = at(day, hourOf(day));
      const author = anyMember(ms);
      if (author === null) continue;
      const id = msgId();
      const origin = rng() < 0.94 ? 'original' : 'link';
      const data: ContentData & Record<string, unknown> = { origin, textLength: 10 + Math.floor(expo(120)) };
      if (origin === 'link') data.links = [pick(D.PUBLIC_SOURCES).link];
      emit({ kind: 'content.posted', actor: author, target: null, objectType: 'message', objectId: id, data }, ms);
      thread(id, author, ms, Math.floor(expo(2.2)), 0.3);
      react(id, author, ms, Math.floor(rng() * 3));
    }
  }

  // ── check-ins (打卡) and events (活动) ──
  for (const i of shuffle(rng, early(40).filter((i) => !spammers.includes(i))).slice(0, 50)) {
    const p = people[i]!;
    const p0 = 0.4 + rng() * 0.55;
    const decay = 0.004 + rng() * 0.016;
    const firstDay = Math.floor((p.joinMs - day0) / DAY) + 1;
    for (let day = firstDay; day < DEMO_DAYS; day++) {
      const ms = at(day, rng() < 0.6 ? 6 + rng() * 2 : 22 + rng() * 1.5);
      if (!alive(i, ms) || rng() > p0 - decay * (day - firstDay)) continue;
      emit({ kind: 'activity.checked_in', actor: i, target: null, objectType: 'check_in', objectId: null, data: { program: D.CHECK_IN_PROGRAM } }, ms);
    }
  }
  D.DEMO_EVENTS.forEach((ev, n) => {
    const ms = at(ev.day, 20);
    const came: number[] = [];
    for (let k = 0; k < ev.attendees; k++) {
      const who = rng() < 0.1 ? aStaff(ms, came) : anyMember(ms, came);
      if (who !== null) came.push(who);
    }
    for (const who of came) {
      emit({ kind: 'activity.attended', actor: who, target: null, objectType: 'event', objectId: `demo-event-${n + 1}`, data: { title: ev.title } }, ms + rng() * 10 * MIN);
    }
  });
  emit({ kind: 'community.charter_updated', actor: owner, target: null, objectType: 'community', objectId: null, data: { fields: ['capacity', 'teaser'] } }, at(BURST.from + 1, 21.5));

  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const out = people.map(({ email, displayName, role, state, createdAt, joinedAt, endedAt, endReason }) => ({ email, displayName, role, state, createdAt, joinedAt, endedAt, endReason }));
  return { createdAt: iso(createdMs), people: out, events, decisions: decisions.filter((d) => d.at < iso(nowMs)) };

  function roleChange(i: number, from: Role, to: Role, ms: number) {
    emit({ kind: 'member.role_changed', actor: owner, target: i, objectType: 'membership', objectId: null, data: { from, to } }, ms);
    decisions.push({ action: 'member.role_changed', decidedBy: owner, subject: i, reason: null, data: { from, to }, at: iso(ms) });
  }
}

/** Hours of a Beijing day people write in: commutes, lunch, and above all evenings; weekends spread out. */
function sampleHour(rng: () => number, weekend: boolean): number {
  const r = rng();
  if (weekend) return r < 0.6 ? 9 + rng() * 9 : 19 + rng() * 4.8;
  if (r < 0.12) return 7 + rng() * 2;
  if (r < 0.27) return 12 + rng() * 1.5;
  if (r < 0.35) return 9.5 + rng() * 8;
  return 19 + rng() * 4.8;
}

/** A join day: a first wave from the founder's contacts, a trickle, and the registration burst. */
function sampleDay(rng: () => number): number {
  const weight = (d: number) => (d < 7 ? 4 : d >= BURST.from && d <= BURST.to ? 4.5 : 1);
  let total = 0;
  for (let d = 0; d < DEMO_DAYS - 1; d++) total += weight(d);
  let r = rng() * total;
  for (let d = 0; d < DEMO_DAYS - 1; d++) if ((r -= weight(d)) <= 0) return d;
  return DEMO_DAYS - 2;
}

/** Unique group-card names (群名片): mostly 姓名-行业-城市 as the norms ask, some plain names, a few nicknames. */
function nameMaker(rng: () => number): () => string {
  const used = new Set<string>();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  return () => {
    for (;;) {
      const name = pick(D.SURNAMES) + pick(D.GIVEN_CHARS) + (rng() < 0.6 ? pick(D.GIVEN_CHARS) : '');
      const r = rng();
      const card = r < 0.7 ? `${name}-${pick(D.INDUSTRIES)}-${pick(D.CITIES)}` : r < 0.92 ? name : pick(D.NICKNAMES);
      if (!used.has(card)) {
        used.add(card);
        return card;
      }
    }
  };
}

function shuffle<T>(rng: () => number, xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same community. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
