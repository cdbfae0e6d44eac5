/**
 * Every message the web app asks for exists in the catalogue, in all three languages:
 * literal keys found in the source, and the keys built from the domain's lists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMUNITY_TYPES, MEMBERSHIP_STATES, ROLES } from '../../../src/features/communities/rules.js';
import { EVENT_KINDS } from '../../../src/kernel/activity/taxonomy.js';
import { LANGS, loadCatalogue } from '../../../src/kernel/i18n.js';
import { CHARTER_FIELDS } from '../features/communities/CharterForm.js';
import { UI_NAMESPACES } from './i18n.js';

const webSrc = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
  });
}

function lookup(lang: (typeof LANGS)[number], key: string): unknown {
  const [ns, path] = key.split(':', 2) as [string, string];
  let node: unknown = loadCatalogue()[lang][ns];
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

const literalKeys = [...new Set(sources(webSrc).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([a-z-]+:[\w.-]+)'/g)].map((m) => m[1]!)))];
const builtKeys = [
  ...LANGS.map((l) => `common:language.${l}`),
  ...ROLES.map((r) => `communities-ui:role.${r}`),
  ...MEMBERSHIP_STATES.map((s) => `communities-ui:state.${s}`),
  ...COMMUNITY_TYPES.flatMap((c) => [`communities-ui:type.${c}.name`, `communities-ui:type.${c}.explain`]),
  ...EVENT_KINDS.map((k) => `communities-ui:event.${k}`),
  ...CHARTER_FIELDS.flatMap((f) => [`communities-ui:charter.${f}.label`, `communities-ui:charter.${f}.help`]),
  ...['format', 'doubleDash', 'reserved', 'taken'].map((p) => `communities-ui:charter.slug.${p}`),
  ...['need', 'value', 'core'].flatMap((c) => [`communities-ui:welcome.${c}.title`, `communities-ui:welcome.${c}.text`]),
];

describe('the web app’s messages', () => {
  it('finds the literal keys it checks (the scan works)', () => {
    expect(literalKeys.length).toBeGreaterThan(100);
  });

  it('bundles every namespace it uses (a namespace left out of the bundle shows raw keys)', () => {
    const used = [...new Set(literalKeys.map((k) => k.split(':')[0]!))];
    expect(used.filter((ns) => !(UI_NAMESPACES as readonly string[]).includes(ns))).toEqual([]);
    // import.meta.glob needs a literal pattern, so the list is written twice in i18n.ts: keep them equal
    const globbed = readFileSync(join(webSrc, 'app', 'i18n.ts'), 'utf8').match(/locales\/\*\/\{([^}]+)\}\.json/)![1]!.split(',');
    expect([...globbed].sort()).toEqual([...UI_NAMESPACES].sort());
  });

  for (const lang of LANGS) {
    it(`every key the web app uses resolves to text in ${lang}`, () => {
      const missing = [...literalKeys, ...builtKeys].filter((k) => typeof lookup(lang, k) !== 'string');
      expect(missing).toEqual([]);
    });
  }
});
