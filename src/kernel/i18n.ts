/**
 * Server-side access to the one message catalogue (locales/<lang>/<namespace>.json),
 * the same files the web app bundles. Used for e-mails, CLI output and reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

export const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-Hans';

type Tree = { [key: string]: string | Tree };
let catalogue: Record<Lang, Record<string, Tree>> | undefined;

export function loadCatalogue(): Record<Lang, Record<string, Tree>> {
  if (catalogue) return catalogue;
  const out = {} as Record<Lang, Record<string, Tree>>;
  for (const lang of LANGS) {
    out[lang] = {};
    const dir = join(packageRoot, 'locales', lang);
    for (const file of readdirSync(dir)) {
      if (file.endsWith('.json')) out[lang][file.slice(0, -5)] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    }
  }
  catalogue = out;
  return out;
}

/**
 * Translates "namespace:dotted.key" with {{name}} interpolation (i18next syntax, so
 * the web app reads the same strings). A missing key returns the key itself.
 */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['common', key];
  let node: string | Tree | undefined = loadCatalogue()[lang]?.[ns];
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}

/** Picks the best supported language from an Accept-Language header or a tag. */
export function negotiateLang(header: string | undefined | null): Lang {
  if (!header) return DEFAULT_LANG;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag === 'zh-hant' || tag.startsWith('zh-hant') || tag === 'zh-tw' || tag === 'zh-hk' || tag === 'zh-mo') return 'zh-Hant';
    if (tag.startsWith('zh')) return 'zh-Hans';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LANG;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}
