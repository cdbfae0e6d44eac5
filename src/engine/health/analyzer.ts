/**
 * The health engine's entry point: stream ChatEvents in, get a DiagnosisResult.
 *
 *   const a = createAnalyzer(); for (const e of events) a.add(e); const result = a.finish(meta);
 */
import type { ChatEvent } from '../types.js';
import { activity, coreOutput, familiarity, funnel, retention, weekRange, weeklySeries } from './activity.js';
import { Collector } from './collector.js';
import { renderConditions, renderDiagnosis } from './diagnosis.js';
import { drawableGraph } from './draw.js';
import { structureMetrics } from './graph.js';
import { chooseInteractions } from './interactions.js';
import { busFactor, CORE_METHOD, coreAbsences, coreMethodText, describeCore, pruningCandidates, PRUNE_LIST_MAX, round, selectCore, spamSuspects } from './members.js';
import { isGroupChat, notGroupConditions, notGroupVerdict } from './notGroup.js';
import { RESULT_SCHEMA_VERSION, type AnalyzeMeta, type CoreMetrics, type DiagnosisResult } from './result.js';
import { mean } from './stats.js';
import { exclusiveValue } from './value.js';
import { decide, type VerdictInput } from './verdict.js';

export interface Analyzer {
  /** O(1) amortized; memory grows with members, pairs and weeks only. */
  add(event: ChatEvent): void;
  /** Computes the whole result; call once, after the last event. */
  finish(meta: AnalyzeMeta): DiagnosisResult;
}

export function createAnalyzer(): Analyzer {
  const c = new Collector();
  return { add: (e) => c.add(e), finish: (meta) => finish(c, meta) };
}

export async function analyze(events: AsyncIterable<ChatEvent> | Iterable<ChatEvent>, meta: AnalyzeMeta): Promise<DiagnosisResult> {
  const a = createAnalyzer();
  // `for await` over a plain iterable would wait a microtask per event.
  if (Symbol.iterator in events) for (const e of events) a.add(e);
  else for await (const e of events) a.add(e);
  return a.finish(meta);
}

function finish(c: Collector, meta: AnalyzeMeta): DiagnosisResult {
  const range = weekRange(c);
  const chosen = chooseInteractions(c);
  const spam = spamSuspects(c);
  const core = selectCore(c, chosen, spam);
  const coreIdx = new Set(core.map((m) => m.idx));
  const weekly = weeklySeries(c, chosen, range, core);
  const weekMessages = new Map<number, number>();
  weekly.forEach((w, i) => weekMessages.set(range.first + i, w.messages));

  const coreMembers = describeCore(c, core, range.count);
  const totalOriginal = c.origins.original.messages;
  const coreOriginal = core.reduce((s, m) => s + m.original, 0);
  const totalSubstantial = c.members.reduce((s, m) => s + m.substantial, 0);
  const coreSubstantial = core.reduce((s, m) => s + m.substantial, 0);
  const coreMessages = core.reduce((s, m) => s + m.messages, 0);
  const coreMetrics: CoreMetrics = {
    method: CORE_METHOD,
    methodText: coreMethodText(),
    members: coreMembers,
    originalContentShare: core.length > 0 && totalOriginal > 0 ? round(coreOriginal / totalOriginal) : null,
    substantialShare: core.length > 0 && totalSubstantial > 0 ? round(coreSubstantial / totalSubstantial) : null,
    valueRate: core.length > 0 && coreMessages > 0 ? round(coreSubstantial / coreMessages) : null,
    continuity: core.length > 0 ? round(mean(coreMembers.map((m) => m.continuity))!) : null,
    originalRate: core.length > 0 && coreMessages > 0 ? round(coreOriginal / coreMessages) : null,
    busFactor: busFactor(c),
    absences: coreAbsences(c, core, weekMessages),
  };
  const structure = structureMetrics(chosen.pairs, new Set(core.map((m) => m.id)), c.messages);
  const fam = familiarity(c, chosen, range);
  const posters = core.length > 0 ? core.map((m) => m.messages) : c.members.map((m) => m.messages).sort((a, b) => b - a).slice(0, 3);
  const topPostersShare = c.messages > 0 ? round(posters.reduce((a, b) => a + b, 0) / c.messages) : null;
  const act = activity(c, chosen, weekly, topPostersShare);
  const candidates = pruningCandidates(c, spam, coreIdx);
  const hygiene = {
    spamSuspects: [...spam.values()],
    pruningCandidates: candidates.slice(0, PRUNE_LIST_MAX),
    pruningCandidatesTotal: candidates.length,
    pruningCandidateShare: c.members.length > 0 ? round(candidates.length / c.members.length) : null,
  };
  const value = exclusiveValue(c);

  const input: VerdictInput = {
    weeks: range.count,
    messages: c.messages,
    interactions: chosen.info,
    structure,
    exclusiveValue: value,
    core: coreMetrics,
    topPostersShare,
    familiarity: fam,
    activity: act,
    hygiene,
    weekly,
  };
  const outcome = decide(input);
  const group = isGroupChat(c.members.length);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    generatedAt: meta.generatedAt ?? new Date().toISOString(),
    source: {
      format: meta.format,
      ...(meta.label ? { label: meta.label } : {}),
      path: meta.path ?? '',
      chatName: meta.chatName ?? null,
      messages: c.messages,
      members: c.members.length,
      events: c.events,
      firstAt: Number.isFinite(c.firstMs) ? new Date(c.firstMs).toISOString() : null,
      lastAt: Number.isFinite(c.lastMs) ? new Date(c.lastMs).toISOString() : null,
      weeks: range.count,
      unresolvedReplies: c.unresolvedReplies + (meta.unresolvedReplies ?? 0),
    },
    verdict: group
      ? {
          kind: outcome.kind,
          score: outcome.score,
          subscores: outcome.subscores,
          confidence: outcome.confidence,
          reasons: outcome.reasons,
          actions: outcome.actions,
          diagnosis: renderDiagnosis(input, outcome),
        }
      : notGroupVerdict(c.members.length),
    conditions: group ? renderConditions(input, outcome) : notGroupConditions(),
    interactions: chosen.info,
    structure: roundStructure(structure),
    exclusiveValue: value,
    core: coreMetrics,
    familiarity: fam,
    activity: act,
    hygiene,
    weekly,
    coreOutput: coreOutput(core, range),
    funnel: funnel(c, chosen, act),
    retention: retention(c, range),
    graph: drawableGraph(c, chosen, core),
  };
}

function roundStructure<S extends object>(s: S): S {
  const out = { ...s } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (typeof v === 'number' && !Number.isInteger(v)) out[k] = round(v);
  return out as S;
}
