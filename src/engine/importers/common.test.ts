import { describe, expect, it } from 'vitest';
import { isoFromEpoch, isoFromParts, messageEvents, originOf, findLinks } from './common.js';

describe('link / forward rule', () => {
  const origin = (text: string, forwarded = false) => originOf(text, findLinks(text), forwarded);
  it('a bare or barely commented link is a shared link', () => {
    expect(origin('https://example.com/a')).toBe('link');
    expect(origin('推荐 https://example.com/a 👍')).toBe('link');
    expect(origin('look at this: https://example.com/a')).toBe('link');
  });
  it('a link inside the sharer’s own words is original content', () => {
    expect(origin('这篇文章讲了大模型训练数据的版权问题，我觉得第三部分的论证站不住脚 https://example.com/a')).toBe('original');
    expect(origin('I tried the approach from https://example.com/a and it halved our build time on the CI box')).toBe('original');
    expect(origin('no links here')).toBe('original');
  });
  it('a forward is forwarded whatever its text', () => {
    expect(origin('long original-looking text with many words in it, really', true)).toBe('forwarded');
  });
});

describe('events of a message', () => {
  it('a reply targets the replied author; mentions of the author themselves are dropped', () => {
    const events = messageEvents({
      at: '2020-01-01T00:00:00.000Z',
      actorId: 'a',
      text: 'ok',
      replyTo: { authorId: 'b', messageId: '7' },
      mentions: [{ id: 'a' }, { id: 'c' }, { id: 'c' }],
    });
    expect(events.map((e) => [e.kind, e.targetId])).toEqual([
      ['content.replied', 'b'],
      ['content.mentioned', 'c'],
    ]);
  });
});

describe('time', () => {
  it('epoch seconds and wall-clock parts become ISO UTC; impossible dates are rejected', () => {
    expect(isoFromEpoch(1551442532)).toBe('2019-03-01T12:15:32.000Z');
    expect(isoFromEpoch(1551442532123)).toBe('2019-03-01T12:15:32.123Z');
    expect(isoFromParts(2020, 2, 29, 23, 59, 0)).toBe('2020-02-29T23:59:00.000Z');
    expect(isoFromParts(2019, 2, 29)).toBeUndefined();
    expect(isoFromParts(2019, 13, 1)).toBeUndefined();
  });
});
