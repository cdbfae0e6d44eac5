/**
 * What the demo community's people say and do, day by day: core members post
 * mostly original material (some forwarded official notices and links);
 * members answer them and each other — a semi-decentralised mesh, not a
 * broadcast — react, mention, and ask their own questions; operators pin the
 * best posts. Then the daily check-ins (打卡) and three events (活动).
 */
import type { ContentData } from '../../kernel/activity/taxonomy.js';
import * as D from './demoData.js';
import { BURST, DEMO_DAYS, DemoSim, HOUR, MIN, DAY } from './demoSim.js';

type Data = ContentData & Record<string, unknown>;

export function simulateTalk(sim: DemoSim): void {
  for (let day = 0; day < DEMO_DAYS; day++) {
    const burst = day >= BURST.from && day <= BURST.to;
    const corePosts = (sim.weekend(day) ? 2 : 1) + (sim.rng() < 0.5 ? 1 : 0) + (burst ? 1 : 0);
    for (let k = 0; k < corePosts; k++) corePost(sim, day);
    // Few members talk in the first days; the group warms up over a week and a half.
    const warmUp = Math.min(1, 0.3 + day / 10);
    const memberPosts = Math.round((3 + Math.floor(sim.rng() * 4) + (sim.weekend(day) ? 2 : 0)) * (burst ? 1.8 : 1) * warmUp);
    for (let k = 0; k < memberPosts; k++) memberPost(sim, day);
  }
}

export function simulateActivities(sim: DemoSim, excluded: number[]): void {
  // 打卡: fifty early members take up the daily programme; each keeps it up less and less.
  for (const i of sim.shuffle(sim.stayersFrom(40).filter((i) => !excluded.includes(i))).slice(0, 50)) {
    const start = sim.rng() * 0.55 + 0.4;
    const decay = 0.004 + sim.rng() * 0.016;
    const firstDay = Math.floor((sim.people[i]!.joinMs - sim.day0) / DAY) + 1;
    for (let day = firstDay; day < DEMO_DAYS; day++) {
      const ms = sim.at(day, sim.rng() < 0.6 ? 6 + sim.rng() * 2 : 22 + sim.rng() * 1.5);
      if (!sim.alive(i, ms) || sim.rng() > start - decay * (day - firstDay)) continue;
      sim.emit({ kind: 'activity.checked_in', actor: i, target: null, objectType: 'check_in', objectId: null, data: { program: D.CHECK_IN_PROGRAM } }, ms);
    }
  }
  D.DEMO_EVENTS.forEach((event, n) => {
    const ms = sim.at(event.day, 20);
    const came: number[] = [];
    for (let k = 0; k < event.attendees; k++) {
      const who = sim.rng() < 0.1 ? sim.aStaff(ms, came) : sim.anyMember(ms, came);
      if (who !== null) came.push(who);
    }
    for (const who of came) {
      sim.emit({ kind: 'activity.attended', actor: who, target: null, objectType: 'event', objectId: `demo-event-${n + 1}`, data: { title: event.title } }, ms + sim.rng() * 10 * MIN);
    }
  });
}

function corePost(sim: DemoSim, day: number): void {
  const ms = sim.at(day, Math.max(sim.hourOf(day), day === 0 ? 11 : 0));
  const author = sim.aStaff(ms);
  if (author === null) return;
  // The admissions office forwards official notices more than the seniors do.
  const official = D.STAFF[author]?.key === 'admissions';
  const r = sim.rng();
  const origin = r < (official ? 0.7 : 0.85) ? 'original' : r < (official ? 1 : 0.93) ? 'forwarded' : 'link';
  const topics = D.CORE_TOPICS[Math.min(D.CORE_TOPICS.length - 1, Math.floor(day / 7))]!;
  const data: Data = { origin, title: sim.pick(topics) };
  if (origin === 'original') {
    data.textLength = 200 + Math.floor(sim.rng() * 1600);
    if (sim.rng() < 0.25) data.media = sim.pick(['file', 'photo'] as const);
  } else {
    const source = sim.pick(D.PUBLIC_SOURCES);
    data.textLength = 40 + Math.floor(sim.rng() * 260);
    data.links = [source.link];
    if (origin === 'forwarded') data.forwardedFrom = source.from;
  }
  const id = sim.msgId();
  sim.emit({ kind: 'content.posted', actor: author, target: null, objectType: 'message', objectId: id, data }, ms);
  thread(sim, id, author, ms, 2 + Math.floor(sim.expo(origin === 'original' ? 5 : 1.5)), 0.1);
  react(sim, id, author, ms, 2 + Math.floor(sim.rng() * (origin === 'original' ? 8 : 3)));
  if (origin === 'original' && sim.rng() < 0.25) {
    const by = sim.rng() < 0.5 ? sim.owner : sim.admin;
    sim.emit({ kind: 'content.pinned', actor: by, target: author, objectType: 'message', objectId: id, data: null }, ms + sim.expo(2 * HOUR));
  }
}

function memberPost(sim: DemoSim, day: number): void {
  const ms = sim.at(day, sim.hourOf(day));
  const author = sim.anyMember(ms);
  if (author === null) return;
  const id = sim.msgId();
  const data: Data = { origin: sim.rng() < 0.94 ? 'original' : 'link', textLength: 10 + Math.floor(sim.expo(120)) };
  if (data.origin === 'link') data.links = [sim.pick(D.PUBLIC_SOURCES).link];
  sim.emit({ kind: 'content.posted', actor: author, target: null, objectType: 'message', objectId: id, data }, ms);
  thread(sim, id, author, ms, Math.floor(sim.expo(4)), 0.15);
  react(sim, id, author, ms, Math.floor(sim.rng() * 5));
}

/**
 * Replies under a post. Half answer the author, the rest answer someone earlier
 * in the thread; now and then the author answers back; some mention someone.
 */
function thread(sim: DemoSim, postId: string, author: number, startMs: number, replies: number, staffShare: number): void {
  const lastMessage = new Map<number, string>([[author, postId]]);
  let t = startMs;
  let previous = author;
  for (let k = 0; k < replies; k++) {
    t += sim.expo(12 * MIN) + MIN;
    const others = [...lastMessage.keys()].filter((x) => x !== author);
    let actor: number | null;
    let target: number;
    if (others.length && sim.rng() < 0.25) {
      actor = author;
      target = sim.pick(others);
    } else {
      actor = sim.rng() < staffShare ? sim.aStaff(t, [previous]) : sim.anyMember(t, [previous]);
      if (actor === null) continue;
      const earlier = [...lastMessage.keys()].filter((x) => x !== actor);
      target = sim.rng() < 0.4 || earlier.length < 2 ? author : sim.pick(earlier);
      if (target === actor) continue;
    }
    const id = sim.msgId();
    const data: Data = { origin: 'original', textLength: 4 + Math.min(600, Math.floor(sim.expo(45))), replyToObjectId: lastMessage.get(target) };
    if (sim.rng() < 0.3) data.quote = true;
    sim.emit({ kind: 'content.replied', actor, target, objectType: 'message', objectId: id, data }, t);
    if (sim.rng() < 0.12) {
      const mentioned = sim.rng() < 0.5 ? sim.aStaff(t, [actor]) : target;
      if (mentioned !== null && mentioned !== actor) sim.emit({ kind: 'content.mentioned', actor, target: mentioned, objectType: 'message', objectId: id, data: null }, t);
    }
    lastMessage.set(actor, id);
    previous = actor;
  }
}

function react(sim: DemoSim, postId: string, author: number, startMs: number, count: number): void {
  const done = [author];
  for (let k = 0; k < count; k++) {
    const ms = startMs + sim.expo(90 * MIN);
    const who = sim.anyMember(ms, done);
    if (who === null) return;
    done.push(who);
    const reaction = sim.pick(['👍', '❤️', '🙏', '👏', '💪']);
    sim.emit({ kind: 'content.reacted', actor: who, target: author, objectType: 'message', objectId: postId, data: { reaction } }, ms);
  }
}
