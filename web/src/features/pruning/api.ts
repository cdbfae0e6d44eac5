/** Types of the pruning API (src/features/pruning/routes.ts) and the helpers its pages share. */
import type { TFunction } from 'i18next';
import type { PruningSettings, SweepDecision } from '../../../../src/features/pruning/rules.js';
import type { CoverageView } from './coverage.js';

export type { PruningSettings };

export const pruningPath = (slug: string) => `/api/communities/${encodeURIComponent(slug)}`;

export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

export interface RuleInfo {
  id: string;
  unit: 'days' | 'count';
  min: number;
  max: number;
  defaultThreshold: number;
  available: boolean;
}

export interface SettingsView {
  settings: PruningSettings;
  rules: RuleInfo[];
  coverage: CoverageView;
}

export type DryRunDecision = SweepDecision & { displayName: string; enabled: boolean };

export interface DryRunView {
  at: string;
  summary: Record<string, Record<SweepDecision['kind'], number>>;
  unavailable: string[];
  coverage: CoverageView;
  decisions: DryRunDecision[];
  /** One row per member with every rule they would meet. */
  members: { userId: string; displayName: string; decisions: DryRunDecision[] }[];
}

export interface WarningView {
  id: string;
  userId: string;
  displayName: string;
  rule: string;
  state: 'open' | 'review' | 'cleared' | 'removed' | 'kept';
  reason: Message;
  keep: Message;
  warnedAt: string;
  deadline: string;
  resolvedAt: string | null;
}

export interface ReportView {
  id: string;
  reporter: { id: string; displayName: string };
  subject: { id: string; displayName: string };
  reason: string;
  state: 'open' | 'upheld' | 'dismissed';
  createdAt: string;
  decidedAt: string | null;
  note: string | null;
}

export interface AppealView {
  id: string;
  userId: string;
  displayName: string;
  text: string;
  state: 'open' | 'granted' | 'denied';
  createdAt: string;
  decidedAt: string | null;
  note: string | null;
}

export interface AuditView {
  id: string;
  at: string;
  action: string;
  automatic: boolean;
  decidedBy: { id: string; displayName: string } | null;
  subject: { id: string; displayName: string } | null;
  rule: string | null;
  reason: string | null;
}

export interface MyStatus {
  community: { slug: string; name: string };
  state: string;
  role: string;
  warnings: Omit<WarningView, 'userId' | 'displayName'>[];
  removal: null | {
    at: string | null;
    reason: string | null;
    appealUntil: string | null;
    canAppeal: boolean;
    appeal: null | { id: string; state: 'open' | 'granted' | 'denied'; text: string; createdAt: string; note: string | null };
  };
}

/** A rule's message (why, what keeps you) in the reader's language. */
export function say(t: TFunction, m: Message | null | undefined): string {
  return m ? t(`pruning:${m.key}`, { ...(m.params ?? {}), defaultValue: m.key }) : '';
}

/** Names for rules, including ones later features register (falls back to the id). */
export function ruleName(t: TFunction, id: string | null): string {
  return id ? t(`pruning:rules.${id}`, { defaultValue: id }) : '';
}

/** A stored reason such as "pruning:inactive" or "reason.inactive" read as words. */
export function reasonText(t: TFunction, reason: string | null): string {
  if (!reason) return '';
  const rule = /^pruning:(\w+)$/.exec(reason)?.[1];
  if (rule) return ruleName(t, rule);
  // reason.inactive_last / _joined / _coverage are the inactivity rule's reasons
  if (/^reason\.\w+$/.test(reason)) return ruleName(t, reason.slice(7).replace(/^inactive_\w+$/, 'inactive'));
  return reason;
}

export const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString() : '');
