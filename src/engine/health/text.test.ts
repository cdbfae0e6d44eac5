import { describe, expect, it } from 'vitest';
import { isGreeting, isSubstantial, normalizeText, textFingerprint } from './text.js';
import { LogHistogram, WeekCounts, weekIndex, weekLabel } from './stats.js';

describe('greetings', () => {
  it.each(['大家好', '大家好，我是小王', '新人报到！', '請多關照', 'Hello everyone!', 'hi all 👋', '进群啦'])('"%s" is a greeting', (text) => {
    expect(isGreeting(text)).toBe(true);
  });
  it.each(['this is it', 'ok', '大家好，我想问一下明天考试的地点在哪里，有没有人知道具体的安排', 'the highway is closed', ''])('"%s" is not a greeting', (text) => {
    expect(isGreeting(text)).toBe(false);
  });
});

describe('text fingerprints', () => {
  it('the same ad with different spacing and punctuation gets the same fingerprint', () => {
    expect(textFingerprint('加微信 领取免费资料!!! abc123')).toBe(textFingerprint('加微信领取免费资料 abc123'));
    expect(textFingerprint('加微信领取免费资料 abc123')).not.toBe(textFingerprint('加微信领取免费资料 abc124'));
  });
  it('short texts are never fingerprinted', () => {
    expect(textFingerprint('哈哈哈')).toBe(0);
    expect(textFingerprint(undefined)).toBe(0);
    expect(normalizeText('A, b! c')).toBe('abc');
  });
  it('substantial means long text or a document-like attachment', () => {
    expect(isSubstantial(50, undefined)).toBe(true);
    expect(isSubstantial(10, 'file')).toBe(true);
    expect(isSubstantial(10, 'sticker')).toBe(false);
  });
});

describe('weeks and histograms', () => {
  it('weeks start on Monday', () => {
    expect(weekLabel(weekIndex(Date.parse('2024-01-07T23:59:59Z')))).toBe('2024-01-01');
    expect(weekLabel(weekIndex(Date.parse('2024-01-08T00:00:00Z')))).toBe('2024-01-08');
  });
  it('per-member week counts stay sorted when a week arrives out of order', () => {
    const w = new WeekCounts();
    for (const x of [5, 5, 9, 7, 9, 1]) w.add(x);
    expect([...w]).toEqual([[1, 1], [5, 2], [7, 1], [9, 2]]);
    expect([w.first, w.last, w.size, w.get(5), w.get(6), w.has(7)]).toEqual([1, 9, 4, 2, undefined, true]);
  });
  it('the log histogram median is within 5% of the exact median', () => {
    const h = new LogHistogram();
    for (const x of [10, 20, 30, 40, 1000]) h.add(x);
    expect(h.median()).toBeGreaterThanOrEqual(28.5);
    expect(h.median()).toBeLessThanOrEqual(31.5);
    expect(new LogHistogram().median()).toBeNull();
  });
});

describe('event times', () => {
  it('the fast ISO parser agrees with Date.parse, and falls back to it for other forms', async () => {
    const { TimeParser } = await import('./stats.js');
    const p = new TimeParser();
    const samples = [
      '2024-03-04T00:00:00.000Z', '2024-03-04T23:59:59.999Z', '2024-03-05T12:34:56Z', '2024-02-29T08:00:00.123Z',
      '1999-12-31T23:59:59.500Z', '2024-03-05T12:34:56+08:00', '2024-03-05 12:34:56', 'yesterday', '2024-03-05T25:00:00.000Z',
      '2024-03-05T12:3x:56.000Z', '2024-03-05T12:34:56.0a0Z',
    ];
    for (const s of samples) expect(p.parse(s), s).toEqual(Date.parse(s));
  });
});
