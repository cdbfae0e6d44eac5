/**
 * The registry of pruning rules: the built-ins and any a later feature adds
 * (missed check-ins…). A rule comes with the loader of its facts; a loader that
 * returns null makes the rule unavailable in this community (no tiers, say).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';
import { BUILT_IN_RULES, type PruningRule } from './rules.js';

/** `threshold` is the rule's current setting: a loader may need it to say whether the rule can judge at all (coverage). */
export type FactLoader<F = unknown> = (db: Kysely<Database>, communityId: string, now: Date, threshold: number) => Promise<Map<string, F> | null>;

interface Entry {
  rule: PruningRule<any>;
  load: FactLoader<any>;
}

const entries = new Map<string, Entry>();

/** Adds a rule; returns a function that takes it away again (tests). */
export function registerPruningRule<F>(rule: PruningRule<F>, load: FactLoader<F>): () => void {
  if (!/^[a-z][a-z0-9_]{1,39}$/.test(rule.id)) throw new Error(`pruning rule id "${rule.id}": use 2–40 lower-case letters, digits or _`);
  if (entries.has(rule.id)) throw new Error(`pruning rule "${rule.id}" is already registered`);
  entries.set(rule.id, { rule, load });
  return () => void entries.delete(rule.id);
}

export function pruningRules(): PruningRule<any>[] {
  return [...entries.values()].map((e) => e.rule);
}

export function factLoader(ruleId: string): FactLoader | undefined {
  return entries.get(ruleId)?.load;
}

/**
 * The gate's paid tiers tell pruning when each membership's paid period ends.
 * By default pruning reads the gate's member_tiers table (builtins.ts); a reader
 * registered here replaces that (a payment provider, say). A reader returning
 * null makes the tier_lapsed rule unavailable in that community.
 */
export type TierExpiryReader = (db: Kysely<Database>, communityId: string) => Promise<Map<string, string | null> | null>;
let tierReader: TierExpiryReader | null = null;

export function registerTierExpiryReader(reader: TierExpiryReader | null): void {
  tierReader = reader;
}

export function builtInRule(id: string): PruningRule<any> {
  const r = BUILT_IN_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`no built-in rule ${id}`);
  return r;
}

export function currentTierReader(): TierExpiryReader | null {
  return tierReader;
}
