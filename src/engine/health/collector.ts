/**
 * The streaming half of the analyzer: one pass over the events, O(1) work per
 * event, memory bounded by members, interaction pairs and weeks — never by
 * messages. Everything that needs the whole picture happens in finish().
 */
import type { ContentOrigin } from '../../kernel/activity/taxonomy.js';
import type { ChatEvent } from '../types.js';
import { LogHistogram, TimeParser, WeekCounts, weekIndex } from './stats.js';
import { PairTable } from './pairs.js';
import { isGreeting, isSubstantial, textFingerprint } from './text.js';
import { MessageWindow, ORIGINS } from './window.js';

/** Temporal adjacency: a message within this many seconds of another member's message answers it. */
export const TEMPORAL_WINDOW_S = 300;
/** …with weight exp(-gap / TEMPORAL_DECAY_S). */
export const TEMPORAL_DECAY_S = 120;
/** A reaction is a lighter interaction than a reply or mention. */
export const REACTION_WEIGHT = 0.5;
/**
 * Recent messages remembered for resolving replies and measuring time to first reply.
 * Importers resolve reply targets with their own, larger window; this one only has
 * to cover the replies that measure reception, which come within hours (a 20k-entry
 * map is also twice as fast as a 100k one).
 */
export const MESSAGE_WINDOW = 20_000;
/** Distinct text fingerprints remembered per member for repeated-text detection. */
export const FINGERPRINTS_PER_MEMBER = 64;

export interface MemberState {
  idx: number;
  id: string;
  name: string;
  firstMs: number;
  lastMs: number;
  joinedMs: number | null;
  leftMs: number | null;
  messages: number;
  original: number;
  substantial: number;
  /** Messages that are not greetings: "spoke beyond a greeting". */
  beyondGreeting: number;
  greetings: number;
  linkMessages: number;
  repeated: number;
  firstMsgMs: number | null;
  lastMsgMs: number | null;
  /** First explicit / temporal answer from another member after the first message. */
  firstExplicitAnswerMs: number | null;
  firstTemporalAnswerMs: number | null;
  repliesReceived: number;
  reactionsReceived: number;
  /** Messages per week index. */
  weeks: WeekCounts;
  /** Ring of recent text fingerprints (FINGERPRINTS_PER_MEMBER), slot 0 = next write position. */
  fingerprints: Uint32Array | null;
  /** How many times each remembered text was posted. */
  fingerprintCounts: Uint16Array | null;
  /** Most times one text (≥ 12 characters) was posted by this member. */
  sameTextMax: number;
}

export interface WeekAgg {
  messages: number;
  greetings: number;
  original: number;
  forwarded: number;
  link: number;
  newMembers: number;
  leftMembers: number;
  explicit: number;
  temporal: number;
}

export interface OriginAgg {
  messages: number;
  replies: number;
  reactions: number;
  answered: number;
  latency: LogHistogram;
}


export class Collector {
  readonly members: MemberState[] = [];
  readonly byId = new Map<string, number>();
  /** Interaction weights per member pair. */
  readonly pairs = new PairTable();
  readonly weeks = new Map<number, WeekAgg>();
  readonly origins: Record<ContentOrigin, OriginAgg> = {
    original: newOriginAgg(),
    forwarded: newOriginAgg(),
    link: newOriginAgg(),
  };
  readonly counts = { replies: 0, quotes: 0, mentions: 0, reactions: 0, temporal: 0 };
  events = 0;
  messages = 0;
  pins = 0;
  unresolvedReplies = 0;
  badTimes = 0;
  firstMs = Infinity;
  lastMs = -Infinity;

  private readonly window = new MessageWindow(MESSAGE_WINDOW);
  private readonly time = new TimeParser();
  // The previous message, for temporal adjacency.
  private prevAuthor = -1;
  private prevMs = -Infinity;
  private lastWeekIndex = NaN;
  private lastWeek: WeekAgg | undefined;

  add(e: ChatEvent): void {
    this.events++;
    const ms = this.time.parse(e.at);
    if (Number.isNaN(ms)) {
      this.badTimes++;
      return;
    }
    if (ms < this.firstMs) this.firstMs = ms;
    if (ms > this.lastMs) this.lastMs = ms;
    const actor = e.actorId ? this.member(e.actorId, e.actorName, ms) : -1;
    const week = weekIndex(ms);
    switch (e.kind) {
      case 'content.posted':
      case 'content.replied':
        if (actor >= 0) this.message(e, actor, ms, week);
        return;
      case 'content.mentioned':
        if (actor >= 0 && e.targetId) {
          this.counts.mentions++;
          this.explicit(actor, this.member(e.targetId, e.targetName, ms), 1, ms, week);
        }
        return;
      case 'content.reacted':
        if (actor >= 0) this.reaction(e, actor, ms, week);
        return;
      case 'content.pinned':
        this.pins++;
        return;
      case 'member.joined':
      case 'member.readmitted': {
        // The member whose membership changed is the target when someone else
        // made it happen (an invite in an export), else the actor (docs/events.md).
        const who = e.targetId ? this.member(e.targetId, e.targetName, ms) : actor;
        if (who < 0) return;
        const m = this.members[who]!;
        if (m.joinedMs === null) m.joinedMs = ms;
        // Rejoining after leaving makes the member current again.
        if (m.leftMs !== null && ms >= m.leftMs) m.leftMs = null;
        this.week(week).newMembers++;
        return;
      }
      case 'member.left':
      case 'member.removed':
      case 'member.banned': {
        const who = e.targetId ? this.member(e.targetId, e.targetName, ms) : actor;
        if (who < 0) return;
        this.members[who]!.leftMs = ms;
        this.week(week).leftMembers++;
        return;
      }
      default:
        return;
    }
  }

  private message(e: ChatEvent, actor: number, ms: number, week: number): void {
    const m = this.members[actor]!;
    const d = e.data ?? {};
    const origin: ContentOrigin = d.origin ?? (d.forwardedFrom ? 'forwarded' : d.links && d.links.length > 0 ? 'link' : 'original');
    const text = typeof d.text === 'string' ? d.text : undefined;
    const textLength = d.textLength ?? text?.length ?? 0;
    this.messages++;
    m.messages++;
    if (m.firstMsgMs === null) m.firstMsgMs = ms;
    m.lastMsgMs = ms;
    m.weeks.add(week);
    const w = this.week(week);
    w.messages++;
    w[origin]++;
    this.origins[origin].messages++;
    if (origin === 'original') {
      m.original++;
      if (isSubstantial(text, textLength, d.media)) m.substantial++;
    }
    const greeting = isGreeting(text);
    if (greeting) {
      m.greetings++;
      w.greetings++;
    } else m.beyondGreeting++;
    if (d.links && d.links.length > 0) m.linkMessages++;
    this.fingerprint(m, text);

    let answered = -1;
    if (e.kind === 'content.replied') {
      this.counts.replies++;
      if (d.quote) this.counts.quotes++;
      const slot = this.window.slotOf(d.replyToObjectId);
      let target = e.targetId ? this.member(e.targetId, e.targetName, ms) : -1;
      if (target < 0 && slot !== undefined) target = this.window.author[slot]!;
      if (target < 0) this.unresolvedReplies++;
      else {
        this.members[target]!.repliesReceived++;
        this.explicit(actor, target, 1, ms, week);
        answered = target;
      }
      if (slot !== undefined && this.window.author[slot] !== actor) this.receive(slot, ms, 'reply');
    }
    // Temporal adjacency: the previous message of another member, if recent. A reply already says
    // whom it answers, and a greeting answers nobody (newcomers saying hello in a row are not talking).
    if (answered < 0 && !greeting && this.prevAuthor >= 0 && this.prevAuthor !== actor) {
      const gap = (ms - this.prevMs) / 1000;
      if (gap >= 0 && gap <= TEMPORAL_WINDOW_S) this.temporal(actor, this.prevAuthor, Math.exp(-gap / TEMPORAL_DECAY_S), ms, week);
    }
    this.prevAuthor = actor;
    this.prevMs = ms;
    if (e.objectId) this.window.remember(e.objectId, actor, ms, origin);
  }

  private reaction(e: ChatEvent, actor: number, ms: number, week: number): void {
    this.counts.reactions++;
    const ref = e.data?.replyToObjectId ?? e.objectId ?? undefined;
    const slot = this.window.slotOf(ref);
    let target = e.targetId ? this.member(e.targetId, e.targetName, ms) : -1;
    if (target < 0 && slot !== undefined) target = this.window.author[slot]!;
    if (target < 0) return;
    this.members[target]!.reactionsReceived++;
    this.explicit(actor, target, REACTION_WEIGHT, ms, week);
    if (slot !== undefined && this.window.author[slot] !== actor) this.receive(slot, ms, 'reaction');
  }

  /** A reply or reaction reached a remembered message: credit its origin. */
  private receive(slot: number, ms: number, how: 'reply' | 'reaction'): void {
    const w = this.window;
    const agg = this.origins[ORIGINS[w.origin[slot]!]!];
    if (how === 'reply') agg.replies++;
    else agg.reactions++;
    if (!w.answered[slot]) {
      w.answered[slot] = 1;
      agg.answered++;
      if (how === 'reply') agg.latency.add((ms - w.ms[slot]!) / 1000);
    }
  }

  private explicit(from: number, to: number, weight: number, ms: number, week: number): void {
    if (from === to) return;
    const p = this.pairs;
    const i = p.index(from, to);
    if (from < to) p.explicitAB[i] += weight;
    else p.explicitBA[i] += weight;
    if (p.firstExplicitWeek[i]! > week) p.firstExplicitWeek[i] = week;
    this.week(week).explicit += weight;
    const t = this.members[to]!;
    if (t.firstMsgMs !== null && t.firstExplicitAnswerMs === null && ms >= t.firstMsgMs) t.firstExplicitAnswerMs = ms;
  }

  private temporal(from: number, to: number, weight: number, ms: number, week: number): void {
    this.counts.temporal++;
    const p = this.pairs;
    const i = p.index(from, to);
    if (from < to) p.temporalAB[i] += weight;
    else p.temporalBA[i] += weight;
    if (p.firstTemporalWeek[i]! > week) p.firstTemporalWeek[i] = week;
    this.week(week).temporal += weight;
    const t = this.members[to]!;
    if (t.firstMsgMs !== null && t.firstTemporalAnswerMs === null && ms >= t.firstMsgMs) t.firstTemporalAnswerMs = ms;
  }

  private fingerprint(m: MemberState, text: string | undefined): void {
    const h = textFingerprint(text);
    if (h === 0) return;
    const seen = (m.fingerprints ??= new Uint32Array(FINGERPRINTS_PER_MEMBER + 1));
    const counts = (m.fingerprintCounts ??= new Uint16Array(FINGERPRINTS_PER_MEMBER));
    for (let i = 0; i < FINGERPRINTS_PER_MEMBER; i++) {
      if (seen[i + 1] !== h || counts[i] === 0) continue;
      m.repeated++;
      if (counts[i]! < 0xffff) counts[i]++;
      if (counts[i]! > m.sameTextMax) m.sameTextMax = counts[i]!;
      return;
    }
    const slot = seen[0]!;
    seen[slot + 1] = h;
    counts[slot] = 1;
    if (m.sameTextMax === 0) m.sameTextMax = 1;
    seen[0] = (slot + 1) % FINGERPRINTS_PER_MEMBER;
  }

  member(id: string, name: string | undefined, ms: number): number {
    let idx = this.byId.get(id);
    if (idx === undefined) {
      idx = this.members.length;
      this.byId.set(id, idx);
      this.members.push(newMember(idx, id, name ?? id, ms));
      return idx;
    }
    const m = this.members[idx]!;
    if (ms < m.firstMs) m.firstMs = ms;
    if (ms > m.lastMs) m.lastMs = ms;
    if (name && m.name === m.id) m.name = name;
    return idx;
  }

  week(index: number): WeekAgg {
    if (index === this.lastWeekIndex) return this.lastWeek!;
    let w = this.weeks.get(index);
    if (!w) {
      w = { messages: 0, greetings: 0, original: 0, forwarded: 0, link: 0, newMembers: 0, leftMembers: 0, explicit: 0, temporal: 0 };
      this.weeks.set(index, w);
    }
    this.lastWeekIndex = index;
    this.lastWeek = w;
    return w;
  }
}

function newOriginAgg(): OriginAgg {
  return { messages: 0, replies: 0, reactions: 0, answered: 0, latency: new LogHistogram() };
}

function newMember(idx: number, id: string, name: string, ms: number): MemberState {
  return {
    idx, id, name, firstMs: ms, lastMs: ms, joinedMs: null, leftMs: null,
    messages: 0, original: 0, substantial: 0, beyondGreeting: 0, greetings: 0, linkMessages: 0, repeated: 0,
    firstMsgMs: null, lastMsgMs: null, firstExplicitAnswerMs: null, firstTemporalAnswerMs: null,
    repliesReceived: 0, reactionsReceived: 0, weeks: new WeekCounts(), fingerprints: null, fingerprintCounts: null, sameTextMax: 0,
  };
}
