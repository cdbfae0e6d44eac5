/**
 * The server's errors in the reader's language. The API sends English messages plus a machine
 * code and its parameters (src/kernel/errors.ts); these pure functions pick the catalogue entry
 * (locales/<lang>/errors.json) for a code and fall back to the server's text only for a code
 * the catalogue does not know. DOM-free so it can be tested in node with a real i18next.
 */

export interface ProblemLike {
  path: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

export interface ErrorLike {
  status: number;
  code: string;
  message: string;
  params?: Record<string, unknown>;
  fields: ProblemLike[];
}

/** The part of an i18next instance we use. */
export interface Translator {
  language: string;
  t(key: string, options?: Record<string, unknown>): string;
  exists(key: string): boolean;
}

/**
 * Codes a use case raises without saying more than its English message. In English that message
 * is the best text; in Chinese the generic sentence leads and the server's words follow as detail,
 * because "填写有误" alone would hide which rule was broken.
 */
const GENERIC = new Set(['invalid', 'conflict', 'custom']);

const ORIGIN: Record<string, string> = { string: 'string', number: 'number', int: 'number', bigint: 'number', array: 'array', set: 'array', date: 'date' };
const TYPE: Record<string, string> = { number: 'number', int: 'number', bigint: 'number', string: 'string', boolean: 'boolean', array: 'array' };

/** The catalogue key for a field problem's code, or null when the catalogue has no words for it. */
export function fieldKey(p: ProblemLike): string | null {
  const params = p.params ?? {};
  switch (p.code) {
    case 'too_small':
    case 'too_big': {
      const origin = ORIGIN[String(params['origin'])] ?? 'other';
      if (origin === 'string' && params['exact']) return `errors:field.${p.code}.string_exact`;
      if (origin === 'string' && p.code === 'too_small' && Number(params['minimum']) === 1) return 'errors:field.too_small.nonempty';
      if (origin === 'number' && params['inclusive'] === false) return `errors:field.${p.code}.number_exclusive`;
      return `errors:field.${p.code}.${origin}`;
    }
    case 'invalid_type':
      return `errors:field.invalid_type.${TYPE[String(params['expected'])] ?? 'other'}`;
    case 'invalid_format': {
      const format = String(params['format']);
      return ['email', 'url', 'uuid', 'datetime', 'date', 'time', 'starts_with', 'ends_with', 'includes'].includes(format) ? `errors:field.invalid_format.${format}` : 'errors:field.invalid_format.other';
    }
    default:
      return p.code && /^[a-z_]+$/.test(p.code) ? `errors:field.${p.code}` : null;
  }
}

/** Lists read as lists (、 in Chinese); date bounds as dates in the reader's locale. */
function interpolation(params: Record<string, unknown> = {}, lang: string): Record<string, unknown> {
  const sep = lang.startsWith('zh') ? '、' : ', ';
  const asDate = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toLocaleDateString(lang) : v);
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(sep) : params['origin'] === 'date' && (k === 'minimum' || k === 'maximum') ? asDate(v) : v]),
  );
}

/** What to show under a field. `fallbackCode` is the error's own code, for problems that carry none. */
export function fieldText(i18n: Translator, p: ProblemLike, fallbackCode?: string): string {
  const code = p.code ?? fallbackCode;
  if (code && GENERIC.has(code)) {
    if (i18n.language.startsWith('en')) return p.message;
    return i18n.t('errors:top.withDetail', { text: i18n.t(`errors:field.${code}`), detail: p.message });
  }
  const key = fieldKey({ ...p, code });
  if (!key || !i18n.exists(key)) return p.message;
  return i18n.t(key, interpolation(p.params, i18n.language));
}

/** The one-line message for a toast or alert: translated by the error's code. */
export function errorText(i18n: Translator, err: ErrorLike): string {
  if (err.code === 'network' || err.status === 0) return i18n.t('errors:top.network');
  if (err.status >= 500) return i18n.t('errors:top.internal');
  if (err.code === 'rate_limited' || err.status === 429) {
    return typeof err.params?.['seconds'] === 'number' ? i18n.t('errors:top.rate_limited', { seconds: err.params['seconds'] }) : i18n.t('errors:top.rateLimitedLater');
  }
  const first = err.fields[0];
  if (err.code === 'invalid' && first) {
    const problem = fieldText(i18n, first, err.code);
    return i18n.language.startsWith('en') && GENERIC.has(first.code ?? err.code) ? err.message : i18n.t('errors:top.invalidField', { field: first.path, problem });
  }
  if (GENERIC.has(err.code)) {
    if (i18n.language.startsWith('en')) return err.message;
    return i18n.t('errors:top.withDetail', { text: i18n.t(`errors:top.${err.code}`), detail: err.message });
  }
  const key = `errors:top.${err.code}`;
  return /^[a-z_]+$/.test(err.code) && i18n.exists(key) ? i18n.t(key) : err.message;
}
