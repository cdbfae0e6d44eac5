/**
 * The gate configuration of a community — application form, screening rules,
 * settings — read with defaults and saved by operators. Saving checks that
 * every rule refers to a question that exists and a choice option it offers.
 */
import type { AppContext } from '../../kernel/context.js';
import { recordDecision } from '../../kernel/audit.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { AppError, type FieldProblem } from '../../kernel/errors.js';
import { openCommunity } from '../communities/index.js';
import {
  previewRules, readSettings, screeningRulesSchema, DEFAULT_SETTINGS,
  type ApplicationForm, type GateSettings, type Preview, type ScreeningRule,
} from './rules.js';
import * as store from './store.js';
import { asGate } from './access.js';
import { gatePermissions } from './permissions.js';
import { authorizeGate } from './policy.js';
import type { GateConfigView } from './schemas.js';

export interface GateConfig {
  form: ApplicationForm;
  rules: ScreeningRule[];
  settings: GateSettings;
}

export async function loadConfig(db: Q, communityId: string): Promise<GateConfig> {
  const row = await store.findConfig(db, communityId);
  if (!row) return { form: { questions: [] }, rules: [], settings: DEFAULT_SETTINGS };
  const rules = screeningRulesSchema.safeParse(JSON.parse(row.rules));
  return { form: JSON.parse(row.form), rules: rules.success ? rules.data : [], settings: readSettings(row.settings) };
}

export async function getConfig(ctx: AppContext, slug: string, userId: string | null): Promise<GateConfigView> {
  const db = ctx.db.kysely;
  const { community, actor } = await openCommunity(db, { slug }, userId, asGate(db, 'gate.configure'));
  const config = await loadConfig(db, community.id);
  return { ...config, permissions: gatePermissions(actor, community.id, config.settings) };
}

/** Saves any of form / rules / settings (already shape-checked by the route). */
export async function updateConfig(ctx: AppContext, slug: string, userId: string | null, patch: Partial<GateConfig>): Promise<GateConfigView> {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, actor, me } = await openCommunity(trx, { slug }, userId, asGate(trx, 'gate.configure'));
    // Only the owner may let core members review applications.
    const current = await loadConfig(trx, community.id);
    const next: GateConfig = { form: patch.form ?? current.form, rules: patch.rules ?? current.rules, settings: patch.settings ?? current.settings };
    if (patch.settings && patch.settings.coreCanReview !== current.settings.coreCanReview && !authorizeGate(actor, 'gate.set_core_review', { communityId: community.id })) {
      throw new AppError('forbidden', 'only the owner decides whether core members review applications');
    }
    const problems = ruleProblems(next.form, next.rules);
    if (problems.length) throw new AppError('invalid', `${problems[0]!.path}: ${problems[0]!.message}`, problems);
    await store.saveConfig(trx, {
      communityId: community.id, form: JSON.stringify(next.form), rules: JSON.stringify(next.rules), settings: JSON.stringify(next.settings), updatedAt: at, updatedBy: me,
    });
    await recordDecision(trx, community.id, { action: 'gate.config_updated', decidedBy: me, data: { changed: Object.keys(patch) }, at });
    return { ...next, permissions: gatePermissions(actor, community.id, next.settings) };
  });
}

/** Replays a rule set over the community's last 500 applications. */
export async function previewConfigRules(ctx: AppContext, slug: string, userId: string | null, rules: ScreeningRule[]): Promise<Preview> {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, asGate(db, 'gate.configure'));
  const past = await store.recentApplications(db, community.id, 500);
  return previewRules(
    rules,
    past.map((a) => ({ id: a.id, actual: a.state, facts: { answers: JSON.parse(a.answers), referred: a.referrerId !== null, vouched: a.vouched === 1, channel: a.channel } })),
  );
}

/** Rules must refer to questions of the form, and to options those questions offer. */
export function ruleProblems(form: ApplicationForm, rules: ScreeningRule[]): FieldProblem[] {
  const byId = new Map(form.questions.map((q) => [q.id, q]));
  const out: FieldProblem[] = [];
  rules.forEach((r, i) =>
    r.conditions.forEach((c, j) => {
      if (c.on !== 'answer') return;
      const q = byId.get(c.questionId);
      const path = `rules.${i}.conditions.${j}`;
      if (!q) return void out.push({ path: `${path}.questionId`, message: `no question "${c.questionId}" in the form` });
      const choice = q.kind === 'single_choice' || q.kind === 'multi_choice';
      const values = Array.isArray(c.value) ? c.value : typeof c.value === 'string' && (c.op === 'equals' || c.op === 'not_equals') ? [c.value] : [];
      const options = new Set((q.options ?? []).map((o) => o.id));
      if (choice && values.some((v) => !options.has(v))) out.push({ path: `${path}.value`, message: `not an option of "${q.id}"` });
    }),
  );
  return out;
}
