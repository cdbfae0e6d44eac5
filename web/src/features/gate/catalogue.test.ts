/**
 * The gate pages build some message keys from the domain's lists (application
 * states, notice kinds, question kinds, tier units and statuses, intro fields);
 * each must exist in all three languages, as must every mail the server sends.
 */
import { describe, expect, it } from 'vitest';
import { LANGS, loadCatalogue } from '../../../../src/kernel/i18n.js';
import { QUESTION_KINDS } from '../../../../src/features/gate/form.js';
import { conditionSchema, OUTCOMES } from '../../../../src/features/gate/screening.js';
import { DEFAULT_INTRO_TEMPLATE } from '../../../../src/features/members/rules.js';
import { NOTICE_KINDS, splitKind, type NoticeKind } from '../../../../src/features/members/notice-kinds.js';

/** Every notice kind of every feature: its line in the web, and its mail when it mails. */
const KINDS = Object.keys(NOTICE_KINDS) as NoticeKind[];
const built = [
  ...['pending', 'approved', 'rejected', 'waitlisted', 'withdrawn'].map((s) => `gate-ui:state.${s}`),
  ...KINDS.map((k) => splitKind(k)).map(([feature, event]) => `${feature}-ui:notice.${event}`),
  ...QUESTION_KINDS.map((k) => `gate-ui:kind.${k}`),
  ...['day', 'month', 'year'].map((u) => `gate-ui:tiers.unit.${u}`),
  ...['paid', 'due_soon', 'lapsed', 'unpaid'].map((s) => `gate-ui:tiers.statusName.${s}`),
  ...DEFAULT_INTRO_TEMPLATE.fields.map((f) => f.label.replace(/^gate:/, 'gate-ui:')),
  ...KINDS.filter((k) => NOTICE_KINDS[k].mail)
    .map((k) => splitKind(k))
    .flatMap(([feature, event]) => [`${feature}:mail.${event}.subject`, `${feature}:mail.${event}.body`]),
  ...conditionSchema.options.flatMap((o) => [`gate-ui:rules.on.${o.shape.on.value}`, ...o.shape.op.options.map((op) => `gate-ui:op.${op}`)]),
  ...OUTCOMES.map((o) => `gate-ui:outcome.${o}`),
];

function lookup(lang: (typeof LANGS)[number], key: string): unknown {
  const [ns, path] = key.split(':', 2) as [string, string];
  let node: unknown = loadCatalogue()[lang][ns];
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

describe('gate messages built from lists', () => {
  for (const lang of LANGS) {
    it(`resolve to text in ${lang}`, () => {
      expect(built.filter((k) => typeof lookup(lang, k) !== 'string')).toEqual([]);
    });
  }
});
