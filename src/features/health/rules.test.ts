import { describe, expect, it } from 'vitest';
import { carrierOf, eventKey, externalRef, parseExternalRef, rangeKey, resolvePerson } from './rules.js';

describe('health rules', () => {
  it('names the carrier behind each importer format', () => {
    expect(['telegram', 'discord', 'whatsapp', 'slack', 'qq', 'wechat-chatlog', 'wechat-memotrace', 'wechat-wechatmsg'].map(carrierOf)).toEqual([
      'telegram', 'discord', 'whatsapp', 'slack', 'qq', 'wechat', 'wechat', 'wechat',
    ]);
  });

  it('keeps the chat author on the event, ids with colons and 0 included, and reads a link over it', () => {
    expect(parseExternalRef(externalRef('whatsapp', '+86:138'))).toEqual({ carrier: 'whatsapp', externalId: '+86:138' });
    expect(parseExternalRef(externalRef('qq', '0'))).toEqual({ carrier: 'qq', externalId: '0' });
    expect(parseExternalRef('01HXYZ')).toBeNull(); // a platform user id
    const links = new Map([[externalRef('telegram', 'user1'), 'u-owner']]);
    expect(resolvePerson(externalRef('telegram', 'user1'), links)).toBe('u-owner');
    expect(resolvePerson(externalRef('telegram', 'user2'), links)).toBe('ext:telegram:user2');
    expect(resolvePerson(null, links)).toBeNull();
  });

  it('gives identical lines of one export different keys, and the same export the same keys', () => {
    const plus1 = { kind: 'content.posted' as const, at: '2026-01-05T02:00:00.000Z', actorId: 'ext:whatsapp:Ann', data: { text: '+1' } };
    expect(eventKey('whatsapp', plus1, 0)).not.toBe(eventKey('whatsapp', plus1, 1));
    expect(eventKey('whatsapp', plus1, 1)).toBe(eventKey('whatsapp', { ...plus1 }, 1));
    // With a carrier message id, the id (not the text) tells messages apart.
    expect(eventKey('telegram', { ...plus1, objectId: '7' }, 0)).not.toBe(eventKey('telegram', { ...plus1, objectId: '8' }, 0));
    expect(eventKey('telegram', { ...plus1, objectId: '7' }, 0)).toBe(eventKey('telegram', { ...plus1, objectId: '7', data: { text: 'edited' } }, 0));
  });

  it('caches the whole log apart from a range', () => {
    expect(rangeKey()).toBe('');
    expect(rangeKey('2026-01-01', undefined)).toBe('2026-01-01|');
  });
});
