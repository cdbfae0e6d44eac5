/**
 * Zod schemas of the pruning API (清理): settings and the dry run, the sweep,
 * warnings and the review queue, reports, appeals, the member's own status and
 * the audit trail — request bounds and every answer's shape.
 */
import { z } from 'zod';
import { cursorParam } from '../../kernel/paging.js';
import { idParam, person, slugParams, timestamp } from '../../kernel/http/schemas.js';
import { MEMBERSHIP_STATES, ROLES } from '../communities/rules.js';
import type { PruningSettings } from './rules.js';

export { slugParams };
export const itemParams = slugParams.extend({ id: idParam });
const note = z.string().trim().max(1000).optional();
const paging = { limit: z.coerce.number().int().min(1).max(200).optional(), offset: z.coerce.number().int().min(0).max(100_000).optional() };

export const WARNING_STATES = ['open', 'review', 'cleared', 'removed', 'kept'] as const;
export const REPORT_STATES = ['open', 'upheld', 'dismissed'] as const;
export const APPEAL_STATES = ['open', 'granted', 'denied'] as const;

const ruleSetting = z.object({ enabled: z.boolean().optional(), threshold: z.number().int().min(0).max(3650).optional() }).strict();
export const settingsPatch = z
  .object({
    rules: z.record(z.string().min(1).max(40), ruleSetting).optional(),
    graceDays: z.number().int().min(0).max(90).optional(),
    mode: z.enum(['auto', 'review']).optional(),
    appealWindowDays: z.number().int().min(0).max(365).optional(),
    exemptCore: z.boolean().optional(),
  })
  .strict();

export const warningsQuery = z.object({ state: z.enum(WARNING_STATES).optional(), ...paging });
export const reviewDecision = z.object({ decision: z.enum(['remove', 'keep']), note }).strict();
export const reportBody = z.object({ subjectId: idParam, reason: z.string().trim().min(5).max(2000) }).strict();
export const reportsQuery = z.object({ state: z.enum(REPORT_STATES).optional(), ...paging });
export const reportDecision = z.object({ decision: z.enum(['uphold', 'dismiss']), note }).strict();
export const appealBody = z.object({ text: z.string().trim().min(5).max(4000) }).strict();
export const appealsQuery = z.object({ state: z.enum(APPEAL_STATES).optional(), ...paging });
export const appealDecision = z.object({ decision: z.enum(['grant', 'deny']), note }).strict();
export const auditQuery = z.object({
  format: z.enum(['json', 'csv']).optional(),
  subjectId: idParam.optional(),
  action: z.string().min(1).max(60).optional(),
  before: z.string().datetime().optional(),
  /** `nextCursor` of the page before. */
  cursor: cursorParam,
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

// ── responses ────────────────────────────────────────────────────────────────

/** A message the member reads: an i18n key in the `pruning` namespace and its parameters. */
export const message = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const settings: z.ZodType<PruningSettings> = z.object({
  rules: z.record(z.string(), z.object({ enabled: z.boolean(), threshold: z.number().int() })),
  graceDays: z.number().int(),
  mode: z.enum(['auto', 'review']),
  appealWindowDays: z.number().int(),
  exemptCore: z.boolean(),
});

export const ruleInfo = z.object({ id: z.string(), unit: z.enum(['days', 'count']), min: z.number().int(), max: z.number().int(), defaultThreshold: z.number().int(), available: z.boolean() });
/** What the inactivity rule can see: each source and its span, the unbroken coverage reaching today, the kinds counted. */
export const coverage = z.object({
  sources: z.array(z.object({ kind: z.enum(['shequn', 'import', 'connection']), carrier: z.string(), label: z.string(), from: timestamp, to: timestamp.nullable() })),
  coveredSince: timestamp.nullable(),
  counts: z.array(z.string()),
});
export const settingsView = z.object({ settings, rules: z.array(ruleInfo), coverage });
export const settingsSaved = z.object({ settings });

const DECISION_KINDS = ['warn', 'clear', 'remove', 'review'] as const;
const named = { displayName: z.string(), enabled: z.boolean() };
export const dryRunDecision = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('warn'), userId: z.string(), ruleId: z.string(), deadline: timestamp, reason: message, keep: message, ...named }),
  z.object({ kind: z.literal('clear'), userId: z.string(), ruleId: z.string(), warningId: z.string(), ...named }),
  z.object({ kind: z.enum(['remove', 'review']), userId: z.string(), ruleId: z.string(), warningId: z.string().nullable(), reason: message, ...named }),
]);
export const dryRun = z.object({
  at: timestamp,
  /** Per rule id: how many members each kind of decision would touch. */
  summary: z.record(z.string(), z.record(z.enum(DECISION_KINDS), z.number().int())),
  unavailable: z.array(z.string()),
  coverage,
  decisions: z.array(dryRunDecision),
  /** One row per member with every rule they would meet. */
  members: z.array(z.object({ userId: z.string(), displayName: z.string(), decisions: z.array(dryRunDecision) })),
});
export const sweep = z.object({ result: z.object({ warned: z.number().int(), cleared: z.number().int(), queued: z.number().int(), removed: z.number().int(), failed: z.number().int() }) });

export const warning = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  rule: z.string(),
  state: z.enum(WARNING_STATES),
  reason: message,
  keep: message,
  warnedAt: timestamp,
  deadline: timestamp,
  resolvedAt: timestamp.nullable(),
});
export const warnings = z.object({ warnings: z.array(warning) });
export const warningDecided = z.object({ warning });

export const myStatus = z.object({
  community: z.object({ slug: z.string(), name: z.string() }),
  state: z.enum(MEMBERSHIP_STATES),
  role: z.enum(ROLES),
  warnings: z.array(warning.omit({ userId: true, displayName: true })),
  removal: z
    .object({
      at: timestamp.nullable(),
      reason: z.string().nullable(),
      appealUntil: timestamp.nullable(),
      canAppeal: z.boolean(),
      appeal: z.object({ id: z.string(), state: z.enum(APPEAL_STATES), text: z.string(), createdAt: timestamp, note: z.string().nullable() }).nullable(),
    })
    .nullable(),
});

export const report = z.object({
  id: z.string(),
  reporter: person,
  subject: person,
  reason: z.string(),
  state: z.enum(REPORT_STATES),
  createdAt: timestamp,
  decidedAt: timestamp.nullable(),
  note: z.string().nullable(),
});
export const reports = z.object({ reports: z.array(report) });
export const reportFiled = z.object({ report: z.object({ id: z.string(), subjectId: z.string(), reason: z.string(), state: z.literal('open'), createdAt: timestamp }) });
export const reportDecided = z.object({ report: z.object({ id: z.string(), state: z.enum(REPORT_STATES) }) });

export const appeal = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  text: z.string(),
  state: z.enum(APPEAL_STATES),
  createdAt: timestamp,
  decidedAt: timestamp.nullable(),
  note: z.string().nullable(),
});
export const appeals = z.object({ appeals: z.array(appeal) });
export const appealFiled = z.object({ appeal: z.object({ id: z.string(), state: z.literal('open'), text: z.string(), createdAt: timestamp }) });
export const appealDecided = z.object({ appeal: z.object({ id: z.string(), state: z.enum(APPEAL_STATES) }) });

export const auditEntry = z.object({
  id: z.string(),
  at: timestamp,
  action: z.string(),
  automatic: z.boolean(),
  decidedBy: person.nullable(),
  subject: person.nullable(),
  rule: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export const audit = z.object({ entries: z.array(auditEntry), nextCursor: z.string().nullable() });
/** ?format=csv: the same entries as a spreadsheet download. */
export const auditCsv = z.string().describe('CSV with a header row: at, action, automatic, decided_by, decided_by_id, subject, subject_id, rule, reason, data');

// The types the web imports (type-only) instead of restating them.
export type Message = z.infer<typeof message>;
export type RuleInfo = z.infer<typeof ruleInfo>;
export type SettingsView = z.infer<typeof settingsView>;
export type SettingsPatch = z.infer<typeof settingsPatch>;
export type DryRunDecision = z.infer<typeof dryRunDecision>;
export type DryRunView = z.infer<typeof dryRun>;
export type SweepView = z.infer<typeof sweep>;
export type WarningView = z.infer<typeof warning>;
export type MyStatus = z.infer<typeof myStatus>;
export type ReportView = z.infer<typeof report>;
export type AppealView = z.infer<typeof appeal>;
export type AuditView = z.infer<typeof auditEntry>;
export type AuditPage = z.infer<typeof audit>;
export type WarningsView = z.infer<typeof warnings>;
export type ReportsView = z.infer<typeof reports>;
export type AppealsView = z.infer<typeof appeals>;
