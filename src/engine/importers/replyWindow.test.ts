import { describe, expect, it } from 'vitest';
import { NumericReplyWindow } from './replyWindow.js';

describe('numeric reply window', () => {
  it('answers for the last `capacity` ids and never guesses for older ones', () => {
    const w = new NumericReplyWindow(10);
    for (let id = 1; id <= 25; id++) w.remember(id, `author${id}`);
    expect(w.authorOf(25)).toBe('author25');
    expect(w.authorOf(16)).toBe('author16');
    // 5 and 15 shared a slot with 25 and 16's neighbours: gone, not confused with them
    expect(w.authorOf(5)).toBeUndefined();
    expect(w.authorOf(15)).toBeUndefined();
    expect(w.authorOf(999)).toBeUndefined();
    expect(w.unresolved).toBe(3);
  });

  it('accepts ids given as strings, and odd ids through the generic resolver', () => {
    const w = new NumericReplyWindow(10);
    w.remember('7', 'a');
    w.remember('msg-x', 'b');
    expect(w.authorOf(7)).toBe('a');
    expect(w.authorOf('msg-x')).toBe('b');
    expect(w.authorOf('msg-y')).toBeUndefined();
  });
});
