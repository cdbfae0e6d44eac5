import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { hashSecret, newId, newSecret } from './ids.js';
import { negotiateLang, t } from './i18n.js';
import { loadConfig } from '../app/config.js';

describe('ids and secrets', () => {
  it('sorts ids by creation time', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a < b).toBe(true);
    expect(a).toHaveLength(26);
  });
  it('makes unguessable secrets and stores only their hash', () => {
    const s = newSecret();
    expect(s.length).toBeGreaterThanOrEqual(43);
    expect(hashSecret(s)).not.toContain(s);
    expect(new Set(Array.from({ length: 1000 }, () => newSecret())).size).toBe(1000);
  });
});

describe('language negotiation', () => {
  it.each([
    ['zh-CN,zh;q=0.9', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK,en;q=0.5', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR, en;q=0.5', 'en'],
    [undefined, 'zh-Hans'],
  ])('%s → %s', (header, lang) => expect(negotiateLang(header)).toBe(lang));

  it('returns the key when a message is missing, so a gap is visible, not blank', () => {
    expect(t('en', 'common:no.such.key')).toBe('common:no.such.key');
  });
});

describe('config', () => {
  it('uses the embedded SQLite file under ./data and port 3000 by default', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.sqlitePath.endsWith('data/shequn.db')).toBe(true);
  });
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});

describe('manual clock', () => {
  it('moves only when told', () => {
    const c = new ManualClock('2026-01-01T00:00:00Z');
    c.advanceDays(2);
    expect(c.now().toISOString()).toBe('2026-01-03T00:00:00.000Z');
  });
});
