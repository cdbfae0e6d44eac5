import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { LANGS, loadCatalogue, negotiateLang, t } from './i18n.js';
import { packageRoot } from './paths.js';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const params = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const catalogue = loadCatalogue();
const namespaces = [...new Set(LANGS.flatMap((lang) => readdirSync(join(packageRoot, 'locales', lang)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))))].sort();

describe('the message catalogue', () => {
  it('has every namespace in every language', () => {
    expect(namespaces.length).toBeGreaterThan(0);
    const missing = LANGS.flatMap((lang) => namespaces.filter((ns) => !catalogue[lang][ns]).map((ns) => `${lang}/${ns}.json`));
    expect(missing, 'namespace files missing').toEqual([]);
  });

  for (const ns of namespaces) {
    it(`${ns}: every key exists in all three languages, none empty, same {{params}}`, () => {
      const flat = Object.fromEntries(LANGS.map((lang) => [lang, flatten(catalogue[lang][ns] ?? {})])) as Record<(typeof LANGS)[number], Map<string, string>>;
      const allKeys = new Set(LANGS.flatMap((lang) => [...flat[lang].keys()]));
      const problems: string[] = [];
      for (const key of allKeys) {
        const values = LANGS.map((lang) => flat[lang].get(key));
        LANGS.forEach((lang, i) => {
          if (values[i] === undefined) {
            if (!pluralFormAbsent(lang, key)) problems.push(`${lang}/${ns}.json lacks "${key}"`);
          } else if (!values[i]!.trim()) problems.push(`${lang}/${ns}.json has an empty "${key}"`);
        });
        const defined = values.filter((v): v is string => v !== undefined);
        const first = JSON.stringify(params(defined[0] ?? ''));
        if (defined.some((v) => JSON.stringify(params(v)) !== first)) problems.push(`${ns}:${key} uses different {{params}} across languages`);
      }
      expect(problems).toEqual([]);
    });
  }

  // Traditional Chinese must be written in Traditional characters, not Simplified copied over.
  // Exceptions: a language's own name is written in its own script (简体中文), and 台/臺 are both
  // current Traditional forms (後台, 台灣) although OpenCC's Taiwan table prefers 臺.
  it('zh-Hant text contains no Simplified-only characters', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const endonyms = new Set(['common:language.zh-Hans']);
    const problems: string[] = [];
    for (const ns of namespaces) {
      for (const [key, value] of flatten(catalogue['zh-Hant'][ns] ?? {})) {
        if (endonyms.has(`${ns}:${key}`)) continue;
        const fixed = toTraditional(value).replaceAll('臺', '台');
        if (fixed !== value.replaceAll('臺', '台')) problems.push(`zh-Hant/${ns}.json "${key}": ${value} → ${fixed}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('t() on the server', () => {
  it('fills {{params}} and answers in the requested language', () => {
    expect(t('en', 'communities-ui:memberCount', { n: 12 })).toBe('Members: 12');
    expect(t('zh-Hans', 'communities-ui:memberCount', { n: 12 })).toBe('12 位成员');
    expect(t('zh-Hant', 'communities-ui:role.core')).toBe('骨幹');
  });

  it('returns the key itself for a missing message, so the gap is visible', () => {
    expect(t('en', 'common:no.such.key')).toBe('common:no.such.key');
  });

  it('follows the browser: Taiwan and Hong Kong read Traditional, mainland Simplified', () => {
    expect(negotiateLang('zh-TW,zh;q=0.9')).toBe('zh-Hant');
    expect(negotiateLang('zh-HK')).toBe('zh-Hant');
    expect(negotiateLang('zh-CN,en;q=0.5')).toBe('zh-Hans');
    expect(negotiateLang('en-US,en;q=0.9')).toBe('en');
  });
});

/** `replies_one` is English's singular; Chinese has no such plural form, so i18next never asks for it there. */
function pluralFormAbsent(lang: string, key: string): boolean {
  const form = /_(zero|one|two|few|many)$/.exec(key)?.[1];
  return !!form && !new Intl.PluralRules(lang).resolvedOptions().pluralCategories.includes(form as Intl.LDMLPluralRule);
}
