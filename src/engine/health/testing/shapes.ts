/**
 * Generated chat groups with planted shapes, as ChatEvent streams (seeded, so a
 * failing seed can be replayed). Each shape is the seed text's picture of a
 * group: a broadcast star, a chatter mesh without a core, a semi-decentralised
 * community, a community whose core stops, a silent group.
 */
import type { ContentOrigin, MediaKind } from '../../../kernel/activity/taxonomy.js';
import type { ChatEvent } from '../../types.js';
import type { VerdictKind } from '../result.js';
import { seededRandom } from '../../../kernel/random.js';

export interface ShapeOptions {
  seed: number;
  weeks?: number;
  /** Members besides the core/admins. */
  members?: number;
  /** Monday the log starts on. */
  start?: string;
}

export const SHAPES: VerdictKind[] = ['community', 'broadcast', 'chatter', 'declining', 'silent'];

/**
 * Shapes beyond the five verdicts. 'minority': the community shape, but only a
 * small minority (15%) talks; everyone else greets once and never speaks again —
 * a group carried by a few while the silent majority looks on.
 */
export type ShapeKind = VerdictKind | 'minority';

const DAY = 86_400_000;
const WORDS = ['考试', '资料', '经验', '复习', '面试', '真题', '分享', '笔记', 'deadline', 'notes', 'exam', 'tips', 'schedule', 'review', '报名', '学校', '老师', '计划'];
const SHORT = ['哈哈', '是的', '同意', 'ok', '我也是', '+1', '好的', '有道理', 'lol', '真的吗', '厉害', 'nice', '谢谢', '收到'];

/** Seeded PRNG for test data (kernel/random.ts, pure). */
export const rng = seededRandom;

interface Msg {
  id: string;
  author: string;
}

/** Builds events; times may be appended out of order, generate() sorts them. */
class Builder {
  readonly events: ChatEvent[] = [];
  private n = 0;
  constructor(readonly r: () => number) {}

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }

  join(id: string, ms: number): void {
    this.events.push({ kind: 'member.joined', at: iso(ms), actorId: id, actorName: id });
  }

  post(author: string, ms: number, opts: { text?: string; origin?: ContentOrigin; media?: MediaKind; replyTo?: Msg } = {}): Msg {
    const id = `m${++this.n}`;
    const origin = opts.origin ?? 'original';
    const text = opts.text ?? this.pick(SHORT);
    const data: ChatEvent['data'] = { origin, text, textLength: text.length };
    if (opts.media) data.media = opts.media;
    if (origin === 'link') data.links = [`https://news.example.com/a/${this.n}`];
    if (origin === 'forwarded') data.forwardedFrom = 'Some Channel';
    if (opts.replyTo) data.replyToObjectId = opts.replyTo.id;
    this.events.push({
      kind: opts.replyTo ? 'content.replied' : 'content.posted',
      at: iso(ms),
      actorId: author,
      actorName: author,
      targetId: opts.replyTo?.author ?? null,
      objectType: 'message',
      objectId: id,
      data,
    });
    return { id, author };
  }

  /** A long original text (≥ 60 characters): inside information, notes. */
  longText(): string {
    let s = '';
    while (s.length < 60 + this.r() * 140) s += this.pick(WORDS) + ' ';
    return s.trim();
  }

  /** A medium, varied chat line (never the same twice, so not "repeated text"). */
  chat(): string {
    return `${this.pick(WORDS)} ${this.pick(SHORT)} ${Math.floor(this.r() * 1e6)}`;
  }
}

export function generateShape(kind: ShapeKind, options: ShapeOptions): ChatEvent[] {
  // The minority group shares the community's random stream: the same group, but most members fall silent.
  const b = new Builder(rng(options.seed * 7919 + SHAPES.indexOf(kind === 'minority' ? 'community' : kind)));
  const weeks = options.weeks ?? 16;
  const start = Date.parse(options.start ?? '2024-01-01T00:00:00Z');
  const n = options.members ?? 55;
  const members = Array.from({ length: n }, (_, i) => `member${i}`);
  switch (kind) {
    case 'community':
      community(b, start, weeks, members, weeks);
      break;
    case 'minority':
      community(b, start, weeks, members, weeks, MINORITY_TALKERS);
      break;
    case 'declining':
      community(b, start, weeks, members, Math.floor(weeks * 0.6));
      break;
    case 'broadcast':
      broadcast(b, start, weeks, members);
      break;
    case 'chatter':
      chatter(b, start, weeks, members);
      break;
    case 'silent':
      silent(b, start, weeks, members);
      break;
  }
  return b.events.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}

/** Arrival times: most members in the first two weeks, ~20% later (newcomers). */
function arrivals(b: Builder, start: number, weeks: number, members: string[]): Map<string, number> {
  const at = new Map<string, number>();
  for (const m of members) {
    const late = b.r() < 0.2;
    const ms = start + (late ? 14 + b.r() * (weeks * 7 - 28) : b.r() * 14) * DAY;
    at.set(m, ms);
    b.join(m, ms);
  }
  return at;
}

/**
 * 5 core members post substantial content most days and welcome newcomers;
 * members answer them and talk among themselves. After `coreUntilWeek` the core
 * stops and members drift away (the declining shape).
 */
function community(b: Builder, start: number, weeks: number, members: string[], coreUntilWeek: number, talkShare = 0.75): void {
  const core = ['core0', 'core1', 'core2', 'core3', 'core4'];
  for (const c of core) b.join(c, start);
  const arrived = arrivals(b, start, weeks, members);
  const talkers = members.filter(() => b.r() < talkShare);
  if (talkShare < 0.75) greetOnce(b, members.filter((m) => !talkers.includes(m)), arrived);
  const welcomed = new Set<string>();
  for (let d = 0; d < weeks * 7; d++) {
    const day = start + d * DAY;
    const coreActive = d < coreUntilWeek * 7;
    const present = talkers.filter((m) => arrived.get(m)! <= day);
    if (present.length < 2) continue;
    const fade = coreActive ? 1 : 0.12;
    let t = day + 9 * 3600_000;
    const recent: Msg[] = [];
    if (coreActive) {
      for (const c of core) {
        if (b.r() > 0.55) continue;
        t += b.r() * 3600_000;
        const post = b.post(c, t, b.r() < 0.3 ? { text: '资料', media: 'file' } : { text: b.longText() });
        recent.push(post);
        const answers = Math.floor(b.r() * 4);
        for (let k = 0; k < answers; k++) {
          t += 60_000 + b.r() * 1200_000;
          recent.push(b.post(b.pick(present), t, { text: b.chat(), replyTo: post }));
        }
      }
      for (const m of present) {
        if (welcomed.has(m) || arrived.get(m)! > day + DAY) continue;
        welcomed.add(m);
        const hello = b.post(m, Math.max(t, arrived.get(m)!) + 600_000, { text: '大家好，新人报到' });
        b.post(b.pick(core), Math.max(t, arrived.get(m)!) + 1800_000, { text: '欢迎！请先做个自我介绍', replyTo: hello });
      }
    }
    const chats = Math.floor((6 + b.r() * 10) * fade);
    for (let k = 0; k < chats; k++) {
      t += 30_000 + b.r() * 2400_000;
      const author = b.pick(present);
      const others = recent.filter((x) => x.author !== author);
      const replyTo = others.length > 0 && b.r() < 0.6 ? b.pick(others.slice(-6)) : undefined;
      recent.push(b.post(author, t, { text: b.chat(), ...(replyTo ? { replyTo } : {}) }));
    }
  }
}

/** Share of members who keep talking in the minority shape. */
const MINORITY_TALKERS = 0.3;

/** Members who say hello on arrival and are never heard again. */
function greetOnce(b: Builder, members: string[], arrived: Map<string, number>): void {
  for (const m of members) b.post(m, arrived.get(m)! + 600_000, { text: b.r() < 0.5 ? '大家好，新人报到' : 'hi everyone' });
}

/** Two admins forward articles and links daily; a few members answer them; members never talk to each other. */
function broadcast(b: Builder, start: number, weeks: number, members: string[]): void {
  const admins = ['admin0', 'admin1'];
  for (const a of admins) b.join(a, start);
  const arrived = arrivals(b, start, weeks, members);
  const responsive = members.filter(() => b.r() < 0.15);
  for (let d = 0; d < weeks * 7; d++) {
    let t = start + d * DAY + 8 * 3600_000;
    for (let k = 0; k < 3; k++) {
      t += b.r() * 3 * 3600_000;
      const r = b.r();
      const post = b.post(b.pick(admins), t, r < 0.4 ? { origin: 'link', text: '今日新闻' } : r < 0.7 ? { origin: 'forwarded', text: b.longText() } : { text: b.longText() });
      const present = responsive.filter((m) => arrived.get(m)! <= t);
      if (present.length > 0 && b.r() < 0.3) b.post(b.pick(present), t + 600_000 + b.r() * 3600_000, { text: '收到，谢谢', replyTo: post });
    }
  }
}

/** Members chat and forward things to each other every day; nobody posts anything substantial. */
function chatter(b: Builder, start: number, weeks: number, members: string[]): void {
  const arrived = arrivals(b, start, weeks, members);
  // Moderately uneven activity, as in real groups.
  const weight = new Map(members.map((m) => [m, 0.5 + b.r() * 1.5]));
  for (let d = 0; d < weeks * 7; d++) {
    const day = start + d * DAY;
    const present = members.filter((m) => arrived.get(m)! <= day);
    if (present.length < 2) continue;
    const total = present.reduce((s, m) => s + weight.get(m)!, 0);
    const pickWeighted = (): string => {
      let x = b.r() * total;
      for (const m of present) if ((x -= weight.get(m)!) <= 0) return m;
      return present[present.length - 1]!;
    };
    let t = day + 10 * 3600_000;
    const recent: Msg[] = [];
    const count = 15 + Math.floor(b.r() * 20);
    for (let k = 0; k < count; k++) {
      t += 20_000 + b.r() * 1800_000;
      const author = pickWeighted();
      const others = recent.filter((x) => x.author !== author).slice(-5);
      const r = b.r();
      const opts = r < 0.15 ? { origin: 'link' as const, text: '看看这个' } : r < 0.25 ? { origin: 'forwarded' as const, text: b.chat() } : { text: b.r() < 0.5 ? b.pick(SHORT) : b.chat() };
      recent.push(b.post(author, t, { ...opts, ...(others.length > 0 && b.r() < 0.5 ? { replyTo: b.pick(others) } : {}) }));
    }
  }
}

/** Members join and greet; the owner posts a notice once a week; almost nobody talks. */
function silent(b: Builder, start: number, weeks: number, members: string[]): void {
  b.join('owner', start);
  const arrived = arrivals(b, start, weeks, members);
  for (const m of members) if (b.r() < 0.35) b.post(m, arrived.get(m)! + 300_000, { text: b.r() < 0.5 ? '大家好，新人报到' : 'hi everyone' });
  for (let w = 0; w < weeks; w++) {
    const t = start + w * 7 * DAY + 10 * 3600_000;
    const notice = b.post('owner', t, { text: b.longText() });
    if (b.r() < 0.3) b.post(b.pick(members), t + 3600_000, { text: '收到', replyTo: notice });
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
