/**
 * Quick throughput check of the analyzer alone (not a test, not the CLI bench):
 *   npx tsx src/engine/health/testing/perf.ts [messages=1000000] [members=3000]
 * The raw fields (times, ids, texts) are generated first; the timed loop only
 * builds each event object, as an importer would, and hands it to add().
 * A bare JSON.parse of a Telegram-like export of the same messages gives scale.
 */
import type { ChatEvent } from '../../types.js';
import { createAnalyzer } from '../analyzer.js';
import { rng } from './shapes.js';

const messages = Number(process.argv[2] ?? 1_000_000);
const members = Number(process.argv[3] ?? 3000);
const r = rng(42);
const WORDS = ['今天', '考试', '资料', 'exam', 'notes', '有人知道吗', '谢谢', 'link', '复习', '好的'];

const at: string[] = new Array(messages);
const ids: string[] = new Array(messages);
const texts: string[] = new Array(messages);
const actor = new Int32Array(messages);
const replyTo = new Int32Array(messages).fill(-1);
const actorIds = Array.from({ length: members }, (_, i) => `user${i}`);
const actorNames = Array.from({ length: members }, (_, i) => `User ${i}`);
let t = Date.parse('2023-01-01T00:00:00Z');
for (let i = 0; i < messages; i++) {
  t += Math.floor(r() * 60_000);
  at[i] = new Date(t).toISOString();
  ids[i] = String(i);
  // Zipf-like activity: a few members post most.
  actor[i] = Math.floor(members * r() ** 3);
  texts[i] = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i % 97}`;
  if (i > 20 && r() < 0.3) replyTo[i] = i - 1 - Math.floor(r() * 20);
}
const LINKS = ['https://example.com'];
const event = (i: number): ChatEvent => {
  const reply = replyTo[i]! >= 0;
  return {
    kind: reply ? 'content.replied' : 'content.posted',
    at: at[i]!,
    actorId: actorIds[actor[i]!]!,
    actorName: actorNames[actor[i]!]!,
    objectId: ids[i]!,
    data: reply ? { text: texts[i]!, replyToObjectId: ids[replyTo[i]!]! } : i % 13 === 0 ? { text: texts[i]!, links: LINKS } : { text: texts[i]! },
  };
};

let peak = process.memoryUsage().rss;
const a = createAnalyzer();
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// CPU time as well as wall time: on a shared machine, wall time mostly measures the neighbours.
// Baseline: building the events alone, so the analyzer's own cost can be told apart.
let sink = 0;
const b0 = cpu();
for (let i = 0; i < messages; i++) sink += event(i).at.length;
const baseline = cpu() - b0;
const c0 = cpu();
const t0 = performance.now();
for (let i = 0; i < messages; i++) {
  a.add(event(i));
  if ((i & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
}
const t1 = performance.now();
const c1 = cpu();
const result = a.finish({ format: 'perf' });
const t2 = performance.now();
const c2 = cpu();
peak = Math.max(peak, process.memoryUsage().rss);

const json = JSON.stringify({
  name: 'perf', type: 'public_supergroup', id: 1,
  messages: Array.from({ length: messages }, (_, i) => ({
    id: i, type: 'message', date: at[i]!.slice(0, 19), date_unixtime: String(Date.parse(at[i]!) / 1000),
    from: actorNames[actor[i]!], from_id: actorIds[actor[i]!], ...(replyTo[i]! >= 0 ? { reply_to_message_id: replyTo[i] } : {}),
    text: texts[i], text_entities: [{ type: 'plain', text: texts[i] }],
  })),
});
const cp0 = cpu();
const p0 = performance.now();
JSON.parse(json);
const p1 = performance.now();
const cp1 = cpu();

const rate = Math.round(messages / ((t1 - t0) / 1000)).toLocaleString('en');
console.log(`analyzer: ${messages} events, add ${(t1 - t0).toFixed(0)} ms (${rate} events/s), finish ${(t2 - t1).toFixed(0)} ms, total ${(t2 - t0).toFixed(0)} ms wall`);
console.log(`building the events alone: ${baseline.toFixed(0)} ms CPU (${sink > 0 ? 'included in add' : ''})`);
console.log(`analyzer CPU: add ${(c1 - c0).toFixed(0)} ms, finish ${(c2 - c1).toFixed(0)} ms; JSON.parse CPU ${(cp1 - cp0).toFixed(0)} ms; CPU ratio ${((c2 - c0) / (cp1 - cp0)).toFixed(2)}`);
console.log(`verdict ${result.verdict.kind} ${result.verdict.score}; members ${result.source.members}, pairs ${result.graph.totalEdges}, weeks ${result.source.weeks}`);
console.log(`bare JSON.parse of a ${(json.length / 1e6).toFixed(0)} MB Telegram-like export: ${(p1 - p0).toFixed(0)} ms; analyzer / parse = ${((t2 - t0) / (p1 - p0)).toFixed(2)}`);
console.log(`peak RSS: ${(peak / 2 ** 20).toFixed(0)} MiB (includes the pre-generated fields)`);
