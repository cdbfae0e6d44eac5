/**
 * The server's field and error codes in the reader's language, through a real i18next loaded
 * with the real catalogue (locales/<lang>/errors.json). DOM-free: only the pure translators.
 */
import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELD_CODES, TOP_CODES } from '../../../src/kernel/errors.js';
import { LANGS, loadCatalogue } from '../../../src/kernel/i18n.js';
import { errorText, fieldText, type ErrorLike, type ProblemLike } from './errors.js';

const instances = {} as Record<(typeof LANGS)[number], i18n>;

beforeAll(async () => {
  const catalogue = loadCatalogue();
  for (const lang of LANGS) {
    const inst = i18next.createInstance();
    await inst.init({ resources: { [lang]: catalogue[lang] }, lng: lang, ns: ['errors'], interpolation: { escapeValue: false } });
    instances[lang] = inst;
  }
});

const problem = (code: string, params?: Record<string, unknown>, message = `server says ${code}`): ProblemLike => ({ path: 'password', message, code, ...(params ? { params } : {}) });
const error = (status: number, code: string, extra: Partial<ErrorLike> = {}): ErrorLike => ({ status, code, message: `server says ${code}`, fields: [], ...extra });

describe('field problems in the reader’s language', () => {
  it('a too-short password reads as characters to type, in each script', () => {
    const p = problem('too_small', { origin: 'string', minimum: 8, inclusive: true }, 'Too small: expected string to have >=8 characters');
    expect(fieldText(instances['zh-Hans'], p)).toBe('至少需要 8 个字符');
    expect(fieldText(instances['zh-Hant'], p)).toBe('至少需要 8 個字元');
    expect(fieldText(instances.en, p)).toBe('At least 8 characters');
  });

  it('picks the wording by what was too small or too big', () => {
    const zh = instances['zh-Hans'];
    expect(fieldText(zh, problem('too_small', { origin: 'number', minimum: 2, inclusive: true }))).toBe('不能小于 2');
    expect(fieldText(zh, problem('too_small', { origin: 'number', minimum: 0, inclusive: false }))).toBe('必须大于 0');
    expect(fieldText(zh, problem('too_small', { origin: 'string', minimum: 1, inclusive: true }))).toBe('不能为空');
    expect(fieldText(zh, problem('too_small', { origin: 'array', minimum: 2, inclusive: true }))).toBe('至少需要 2 项');
    expect(fieldText(zh, problem('too_big', { origin: 'string', maximum: 60, inclusive: true }))).toBe('最多 60 个字符');
    expect(fieldText(zh, problem('too_big', { origin: 'string', maximum: 6, inclusive: true, exact: true }))).toBe('需要正好 6 个字符');
    expect(fieldText(zh, problem('too_big', { origin: 'int', maximum: 10000, inclusive: true }))).toBe('不能大于 10000');
    expect(fieldText(zh, problem('too_small', { origin: 'date', minimum: '2026-03-01T12:00:00.000Z', inclusive: true }))).toBe(`不能早于 ${new Date('2026-03-01T12:00:00.000Z').toLocaleDateString('zh-Hans')}`);
  });

  it('names missing values, formats, choices and unknown keys', () => {
    const hant = instances['zh-Hant'];
    expect(fieldText(hant, problem('required'))).toBe('必填');
    expect(fieldText(hant, problem('invalid_format', { format: 'email' }))).toBe('請輸入有效的電子郵件地址');
    expect(fieldText(hant, problem('invalid_format', { format: 'regex', pattern: '^a' }))).toBe('格式不正確');
    expect(fieldText(hant, problem('invalid_value', { values: ['a', 'b'] }))).toBe('請從提供的選項中選擇');
    expect(fieldText(hant, problem('unrecognized_keys', { keys: ['foo', 'bar'] }))).toBe('包含無法辨識的欄位：foo、bar');
    expect(fieldText(instances.en, problem('unrecognized_keys', { keys: ['foo', 'bar'] }))).toBe('Unknown fields: foo, bar');
    expect(fieldText(hant, problem('invalid_type', { expected: 'number' }))).toBe('請輸入數字');
  });

  it("a use case's generic invalid/conflict: English keeps the server's specific words, Chinese leads with its own", () => {
    const p = problem('invalid', undefined, 'this reset link was already used; request a new one');
    expect(fieldText(instances.en, p)).toBe('this reset link was already used; request a new one');
    expect(fieldText(instances['zh-Hans'], p)).toBe('填写有误（this reset link was already used; request a new one）');
    // a problem without a code takes the error's (feature rules build FieldProblems directly)
    expect(fieldText(instances['zh-Hant'], { path: 'slug', message: 'taken' }, 'conflict')).toBe('與現有內容衝突（taken）');
  });

  it('falls back to the server message for a code the catalogue does not know', () => {
    expect(fieldText(instances['zh-Hans'], problem('slug_reserved'))).toBe('server says slug_reserved');
    expect(fieldText(instances['zh-Hans'], { path: 'x', message: 'no code at all' })).toBe('no code at all');
  });

  it('has words for every field code the server can emit, in all three languages', () => {
    const variants: Record<string, Record<string, unknown>[]> = {
      too_small: ['string', 'number', 'array', 'date', 'file'].map((origin) => ({ origin, minimum: 3, inclusive: true })),
      too_big: ['string', 'number', 'array', 'date', 'file'].map((origin) => ({ origin, maximum: 3, inclusive: true })),
      invalid_type: ['number', 'string', 'boolean', 'array', 'object'].map((expected) => ({ expected })),
      invalid_format: [...['email', 'url', 'uuid', 'datetime', 'date', 'time', 'regex'].map((format): Record<string, unknown> => ({ format })), { format: 'starts_with', prefix: 'x' }, { format: 'ends_with', suffix: 'x' }, { format: 'includes', includes: 'x' }],
      unrecognized_keys: [{ keys: ['x'] }],
      not_multiple_of: [{ divisor: 5 }],
      not_covered: [{ days: 30, since: '2026-11-20' }],
    };
    const bad: string[] = [];
    for (const lang of LANGS) {
      for (const code of FIELD_CODES) {
        for (const params of variants[code] ?? [{}]) {
          const text = fieldText(instances[lang], problem(code, params));
          // generic codes: English shows the server's words, Chinese its own sentence first
          const ok = !['invalid', 'conflict', 'custom'].includes(code) ? !text.includes('server says') : lang === 'en' ? text === `server says ${code}` : !text.startsWith('server says');
          if (!ok || text.includes('errors:') || text.includes('{{')) bad.push(`${lang} ${code} ${JSON.stringify(params)} → ${text}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('the one-line message for an alert', () => {
  it('has words for every top-level code, in all three languages', () => {
    const bad: string[] = [];
    for (const lang of LANGS) {
      for (const code of TOP_CODES) {
        const status = { invalid: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, rate_limited: 429, timeout: 503, internal: 500 }[code];
        const text = errorText(instances[lang], error(status, code, code === 'rate_limited' ? { params: { seconds: 30 } } : {}));
        const ok = !['invalid', 'conflict'].includes(code) ? !text.includes('server says') : lang === 'en' ? text === `server says ${code}` : !text.startsWith('server says');
        if (!ok || text.includes('errors:') || text.includes('{{')) bad.push(`${lang} ${code} → ${text}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('says how long to wait when rate-limited, and something sensible when the server did not say', () => {
    expect(errorText(instances['zh-Hans'], error(429, 'rate_limited', { params: { seconds: 42 } }))).toBe('操作太频繁，请 42 秒后再试');
    expect(errorText(instances['zh-Hant'], error(429, 'rate_limited', { params: { seconds: 42 } }))).toBe('操作太頻繁，請 42 秒後再試');
    expect(errorText(instances['zh-Hans'], error(429, 'rate_limited'))).toBe('操作太频繁，请稍后再试');
  });

  it('translates sign-in, permission, server and network failures instead of showing the English', () => {
    expect(errorText(instances['zh-Hans'], error(401, 'unauthorized'))).toBe('请先登录');
    expect(errorText(instances['zh-Hant'], error(403, 'forbidden'))).toBe('你沒有執行此操作的權限');
    expect(errorText(instances['zh-Hans'], error(500, 'internal'))).toBe('服务器暂时无法完成请求，请稍后再试');
    expect(errorText(instances.en, error(0, 'network'))).toBe('Cannot reach the server; check your connection and try again.');
  });

  it('an invalid form names the first field with its translated problem', () => {
    const err = error(400, 'invalid', { message: 'password: Too small', fields: [problem('too_small', { origin: 'string', minimum: 8, inclusive: true })] });
    expect(errorText(instances['zh-Hans'], err)).toBe('提交的内容有误：password：至少需要 8 个字符');
    expect(errorText(instances.en, err)).toBe('Something in the form is not right: password: At least 8 characters');
  });

  it("a use case's conflict keeps its specific words: alone in English, as detail in Chinese", () => {
    const err = error(409, 'conflict', { message: 'you are already a member' });
    expect(errorText(instances.en, err)).toBe('you are already a member');
    expect(errorText(instances['zh-Hans'], err)).toBe('与现有内容或当前状态冲突（you are already a member）');
  });
});
