import { describe, expect, it } from 'vitest';
import { coveredSince, coversWindow, type ActivitySource } from './coverage.js';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const day = (d: string) => `${d}T00:00:00.000Z`;
const shequn = (from: string): ActivitySource => ({ kind: 'shequn', carrier: 'shequn', label: 'Shequn', from: day(from), to: null });
const wechat = (from: string, to: string): ActivitySource => ({ kind: 'import', carrier: 'wechat', label: '微信群', from: day(from), to: day(to) });

describe('activity coverage', () => {
  it('Shequn alone covers from the day the community started', () => {
    expect(coveredSince([shequn('2026-11-20')], NOW)).toBe(day('2026-11-20'));
    expect(coversWindow([shequn('2026-11-20')], NOW, 11)).toBe(true);
    expect(coversWindow([shequn('2026-11-20')], NOW, 14)).toBe(false);
  });

  it('an import that reaches the start of Shequn extends coverage back to its first message', () => {
    expect(coveredSince([shequn('2026-11-20'), wechat('2026-01-01', '2026-11-30')], NOW)).toBe(day('2026-01-01'));
    expect(coversWindow([shequn('2026-11-20'), wechat('2026-01-01', '2026-11-30')], NOW, 60)).toBe(true);
  });

  it('a gap breaks coverage: silence before the gap was never seen', () => {
    expect(coveredSince([shequn('2026-11-20'), wechat('2026-01-01', '2026-06-30')], NOW)).toBe(day('2026-11-20'));
    // Chained imports join up when each reaches the next.
    expect(coveredSince([shequn('2026-11-20'), wechat('2026-06-01', '2026-11-25'), wechat('2026-01-01', '2026-06-02')], NOW)).toBe(day('2026-01-01'));
  });

  it('an import that ended before today covers nothing today on its own', () => {
    expect(coveredSince([wechat('2026-01-01', '2026-11-30')], NOW)).toBeNull();
    expect(coversWindow([], NOW, 1)).toBe(false);
  });
});
