/**
 * i18next over the one catalogue (locales/<lang>/<namespace>.json, shared with the server).
 * Only the UI namespaces are bundled; server-side namespaces (mail, reports) stay out of the page.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const UI_NAMESPACES = ['common', 'accounts-ui', 'communities-ui', 'pruning', 'pruning-ui', 'gate-ui', 'errors', 'health-ui', 'report', 'content-ui', 'activities-ui'] as const;

const STORAGE_KEY = 'shequn_lang';
const COOKIE = 'shequn_lang';

const files = import.meta.glob('../../../locales/*/{common,accounts-ui,communities-ui,pruning,pruning-ui,gate-ui,errors,health-ui,report,content-ui,activities-ui}.json', { eager: true, import: 'default' });

function resources() {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, data] of Object.entries(files)) {
    const [, lang, ns] = path.match(/locales\/([^/]+)\/([^/]+)\.json$/)!;
    (out[lang!] ??= {})[ns!] = data;
  }
  return out;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Browser tag → our language: Taiwan, Hong Kong, Macau and explicit Hant read Traditional. */
export function langFromTag(tag: string | undefined): Lang | null {
  if (!tag) return null;
  const t = tag.toLowerCase();
  if (t.startsWith('zh-hant') || /^zh-(tw|hk|mo)\b/.test(t)) return 'zh-Hant';
  if (t.startsWith('zh')) return 'zh-Hans';
  if (t.startsWith('en')) return 'en';
  return null;
}

function readCookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** A stored choice wins; otherwise the browser's languages; otherwise English. */
export function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY) ?? readCookie(COOKIE);
  if (isLang(stored)) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lang = langFromTag(tag);
    if (lang) return lang;
  }
  return 'en';
}

export function initI18n() {
  const lng = initialLang();
  void i18next.use(initReactI18next).init({
    resources: resources() as never,
    lng,
    fallbackLng: 'en',
    ns: [...UI_NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = lng;
}

/** Remember the choice on this device (localStorage + cookie the server reads). */
export function persistLang(lang: Lang) {
  localStorage.setItem(STORAGE_KEY, lang);
  document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export function currentLang(): Lang {
  return isLang(i18next.language) ? i18next.language : 'en';
}

export function hasStoredLang(): boolean {
  return isLang(localStorage.getItem(STORAGE_KEY));
}
