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
  it('substantial means long text or a document-like attachment, a Chinese character weighing three letters', () => {
    expect(isSubstantial('x'.repeat(50), 50, undefined)).toBe(true);
    expect(isSubstantial('x'.repeat(49), 49, undefined)).toBe(false);
    expect(isSubstantial('面试的时候要注意自我介绍控制在两分钟以内', 20, undefined)).toBe(true);
    expect(isSubstantial('周末有线下自习，地点在五道口', 14, undefined)).toBe(false);
    expect(isSubstantial(undefined, 80, undefined)).toBe(true); // the platform stores the length only
    expect(isSubstantial('ok', 2, 'file')).toBe(true);
    expect(isSubstantial('ok', 2, 'sticker')).toBe(false);
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

describe('pair table', () => {
  it('keeps every pair at a stable index through growth and rehashing, and orders its ends', async () => {
    const { PairTable } = await import('./pairs.js');
    const t = new PairTable();
    const seen = new Map<string, number>();
    for (let x = 0; x < 120; x++) for (let y = x + 1; y < 120; y += 7) {
      const i = t.index(y, x);
      t.explicitAB[i] += 1;
      seen.set(`${x}-${y}`, i);
    }
    expect(t.size).toBe(seen.size);
    expect(seen.size).toBeGreaterThan(1024); // beyond the first column size
    for (const [key, i] of seen) {
      const [x, y] = key.split('-').map(Number) as [number, number];
      expect(t.index(x, y)).toBe(i);
      expect([t.a[i], t.b[i], t.explicitAB[i], t.firstTemporalWeek[i]]).toEqual([x, y, 1, Infinity]);
    }
  });
});
