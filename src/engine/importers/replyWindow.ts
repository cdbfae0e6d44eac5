/**
 * A reply window for formats whose message ids are increasing integers
 * (Telegram): a slot per `id % capacity` instead of a Map, because at a million
 * messages the Map churn of the generic ReplyResolver was an eighth of the
 * import time. Same contract: the last `capacity` ids are remembered, older
 * replies count as unresolved and are never guessed.
 */
import { ReplyResolver } from '../types.js';

export class NumericReplyWindow {
  private readonly ids: Float64Array;
  private readonly authors: (string | undefined)[];
  /** Non-integer ids (not seen in Telegram exports, but possible) use the generic resolver. */
  private readonly other = new ReplyResolver(10_000);
  unresolved = 0;

  constructor(readonly capacity = 200_000) {
    this.ids = new Float64Array(capacity).fill(-1);
    this.authors = new Array(capacity);
  }

  remember(messageId: number | string, authorId: string): void {
    const id = typeof messageId === 'number' ? messageId : Number(messageId);
    if (!Number.isSafeInteger(id) || id < 0) {
      this.other.remember(String(messageId), authorId);
      return;
    }
    const slot = id % this.capacity;
    this.ids[slot] = id;
    this.authors[slot] = authorId;
  }

  authorOf(messageId: number | string): string | undefined {
    const id = typeof messageId === 'number' ? messageId : Number(messageId);
    if (!Number.isSafeInteger(id) || id < 0) {
      const a = this.other.authorOf(String(messageId));
      if (a === undefined) this.unresolved++;
      return a;
    }
    const slot = id % this.capacity;
    if (this.ids[slot] === id) return this.authors[slot];
    this.unresolved++;
    return undefined;
  }
}
