import { describe, expect, it } from 'vitest';
import { langFromTag } from './i18n.js';

describe('the first visit follows the browser language', () => {
  it('reads Taiwan, Hong Kong, Macau and explicit Hant as Traditional Chinese', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'zh-hant-hk']) expect(langFromTag(tag), tag).toBe('zh-Hant');
  });

  it('reads the mainland, Singapore and bare zh as Simplified Chinese', () => {
    for (const tag of ['zh-CN', 'zh', 'zh-SG', 'zh-Hans', 'zh-Hans-CN']) expect(langFromTag(tag), tag).toBe('zh-Hans');
  });

  it('reads any English as English and leaves other languages to the next preference', () => {
    expect(langFromTag('en-US')).toBe('en');
    expect(langFromTag('en')).toBe('en');
    expect(langFromTag('fr-FR')).toBeNull();
    expect(langFromTag('')).toBeNull();
  });
});
