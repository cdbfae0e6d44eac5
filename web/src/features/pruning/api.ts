/**
 * The pruning API as the web sees it: the types are the ones the server's
 * schemas infer (src/features/pruning/schemas.ts, imported type-only), plus
 * the helpers its pages share.
 */
import type { TFunction } from 'i18next';
import type { PruningSettings } from '../../../../src/features/pruning/rules.js';
import type {
  AppealsView,
  AppealView,
  AuditPage,
  AuditView,
  DryRunDecision,
  DryRunView,
  Message,
  MyStatus,
  ReportsView,
  ReportView,
  RuleInfo,
  SettingsPatch,
  SettingsView,
  SweepView,
  WarningsView,
  WarningView,
} from '../../../../src/features/pruning/schemas.js';

export type {
  AppealsView, AppealView, AuditPage, AuditView, DryRunDecision, DryRunView, Message, MyStatus, PruningSettings, ReportsView, ReportView, RuleInfo, SettingsPatch,
  SettingsView, SweepView, WarningsView, WarningView,
};

export const pruningPath = (slug: string) => `/api/communities/${encodeURIComponent(slug)}`;

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
