import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../../test/support/property.js';
import {
  checkDisplayName,
  checkEmail,
  checkLocale,
  checkPassword,
  checkReset,
  mailLang,
  normalizeDisplayName,
  normalizeEmail,
  resetExpiry,
} from './rules.js';
import { hashPassword, verifyPassword } from './password.js';

describe('email rules', () => {
  it('treats addresses differing only by case and surrounding spaces as one', () => {
    expect(normalizeEmail('  Li.Wei@Example.COM ')).toBe('li.wei@example.com');
    expect(normalizeEmail('\u3000A@Example.COM\t')).toBe('a@example.com');
  });

  it('one Unicode form: a decomposed é and a composed É are the same address', () => {
    expect(normalizeEmail('Jose\u0301@Example.com')).toBe('jos\u00e9@example.com');
    expect(normalizeEmail('JOS\u00c9@example.com')).toBe('jos\u00e9@example.com');
    expect(checkEmail(normalizeEmail('王芳@例子.中国'))).toBeNull();
  });

  it('rejects control characters, markup, specials and spaces, naming the problem', () => {
    for (const bad of ['li\u0000wei@qq.com', 'li\u202ewei@qq.com', 'li\nwei@qq.com']) expect(checkEmail(bad), JSON.stringify(bad)).toMatch(/control or invisible/);
    for (const bad of ['<script>@qq.com', 'a@qq.com>', 'a,b@qq.com', 'a;b@qq.com', '"a"@qq.com', 'a(b)@qq.com']) expect(checkEmail(bad), bad).toMatch(/must not contain any of/);
    expect(checkEmail('li wei@qq.com')).toMatch(/not an email address/);
    expect(checkEmail(`${'a'.repeat(65)}@qq.com`)).toMatch(/at most 64 characters before the @/);
    expect(checkEmail(`${'a'.repeat(64)}@qq.com`)).toBeNull();
  });

  it('accepts ordinary addresses, including plus tags and subdomains', () => {
    for (const ok of ['a@b.cn', 'li.wei+mba@mail.pku.edu.cn', 'x_y-z@qq.com']) expect(checkEmail(ok)).toBeNull();
  });

  it('rejects things that are not addresses, saying what is expected', () => {
    for (const bad of ['liwei', 'li@wei', '@qq.com', 'li wei@qq.com', 'a@@b.cn', 'a@b.']) {
      expect(checkEmail(bad)).toMatch(/not an email address/);
    }
    expect(checkEmail('')).toBe('is required');
    expect(checkEmail(`${'a'.repeat(250)}@b.cn`)).toMatch(/at most 254/);
  });

  it('normalizing is idempotent for any input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normalizeEmail(normalizeEmail(s)) === normalizeEmail(s)), runs(2000));
  });
});

describe('password rules', () => {
  it('needs 8 to 200 characters', () => {
    expect(checkPassword('1234567')).toMatch(/at least 8/);
    expect(checkPassword('12345678')).toBeNull();
    expect(checkPassword('x'.repeat(200))).toBeNull();
    expect(checkPassword('x'.repeat(201))).toMatch(/at most 200/);
  });

  it('counts Chinese characters and emoji as one character each', () => {
    expect(checkPassword('北京大学光华管理学')).toBeNull(); // 9 characters
    expect(checkPassword('😀😀😀😀😀😀😀')).toMatch(/at least 8/); // 7 emoji, 14 UTF-16 units
  });

  it('refuses the account email as password, whatever its case', () => {
    expect(checkPassword('Li.Wei@Example.com', 'li.wei@example.com')).toBe('must not be your email address');
    expect(checkPassword('li.wei@example.com!', 'li.wei@example.com')).toBeNull();
  });

  it('refuses a password of only spaces', () => {
    expect(checkPassword('          ')).toMatch(/only spaces/);
  });
});

describe('display name rules', () => {
  it('trims and collapses inner whitespace', () => {
    expect(normalizeDisplayName('  王   小明 ')).toBe('王 小明');
  });

  it('needs 1 to 60 visible characters', () => {
    expect(checkDisplayName('')).toBe('is required');
    expect(checkDisplayName('王小明')).toBeNull();
    expect(checkDisplayName('名'.repeat(60))).toBeNull();
    expect(checkDisplayName('名'.repeat(61))).toMatch(/at most 60/);
  });

  it('refuses invisible characters that let one name pose as another', () => {
    expect(checkDisplayName('admin\u202Enimda')).toMatch(/invisible/);
    expect(checkDisplayName('a\u0007b')).toMatch(/control/);
  });
});

describe('locale and mail language', () => {
  it('knows the three interface languages', () => {
    for (const l of ['zh-Hans', 'zh-Hant', 'en']) expect(checkLocale(l)).toBeNull();
    expect(checkLocale('fr')).toMatch(/zh-Hans, zh-Hant, en/);
  });

  it("writes mail in the account's language, else the request's", () => {
    expect(mailLang('zh-Hant', 'en')).toBe('zh-Hant');
    expect(mailLang(null, 'en')).toBe('en');
    expect(mailLang('klingon', 'zh-Hans')).toBe('zh-Hans');
  });
});

describe('reset links', () => {
  const now = new Date('2026-03-01T08:00:00.000Z');
  const expiresAt = resetExpiry(now).toISOString();

  it('last one hour', () => {
    expect(expiresAt).toBe('2026-03-01T09:00:00.000Z');
    expect(checkReset({ expiresAt, usedAt: null }, new Date('2026-03-01T08:59:59.999Z'))).toBeNull();
    expect(checkReset({ expiresAt, usedAt: null }, new Date('2026-03-01T09:00:00.000Z'))).toMatch(/expired/);
  });

  it('work once', () => {
    expect(checkReset({ expiresAt, usedAt: '2026-03-01T08:10:00.000Z' }, now)).toMatch(/already used/);
  });

  it('unknown tokens are not valid', () => {
    expect(checkReset(undefined, now)).toMatch(/not valid/);
  });
});

describe('password hashing', () => {
  it('stores an argon2id hash with a per-password salt, never the password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toContain('correct horse');
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(a, 'correct horse batterY')).toBe(false);
  });

  it('a corrupted stored hash refuses entry rather than crashing', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever1')).toBe(false);
  });
});
