import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../kernel/i18n.js';
import { packageRoot } from '../../kernel/paths.js';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const params = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

describe('health catalogue', () => {
  const trees = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(join(packageRoot, 'locales', l, 'health.json'), 'utf8')) as Tree]));
  it('has every key in all three languages, with the same interpolation parameters', () => {
    const en = keys(trees.en!).sort();
    for (const lang of LANGS) expect(keys(trees[lang]!).sort()).toEqual(en);
    const get = (t: Tree, key: string): string => key.split('.').reduce<string | Tree>((n, k) => (n as Tree)[k]!, t) as string;
    for (const key of en) for (const lang of LANGS) expect(params(get(trees[lang]!, key)), `${lang} ${key}`).toEqual(params(get(trees.en!, key)));
  });
});
