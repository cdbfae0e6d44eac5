/**
 * The most recent messages (id → author, time, origin, answered yet?), so that a
 * reply or reaction can be credited to the message it answers. Bounded: the
 * oldest message is forgotten when a new one arrives, and a reply to a forgotten
 * message is simply not measured (never guessed).
 */
import type { ContentOrigin } from '../../kernel/activity/taxonomy.js';

export const ORIGINS: ContentOrigin[] = ['original', 'forwarded', 'link'];

export class MessageWindow {
  private readonly ids: (string | undefined)[];
  readonly author: Int32Array;
  readonly ms: Float64Array;
  /** Index into ORIGINS. */
  readonly origin: Uint8Array;
  readonly answered: Uint8Array;
  private readonly index = new Map<string, number>();
  private next = 0;

  constructor(readonly capacity: number) {
    this.ids = new Array(capacity);
    this.author = new Int32Array(capacity);
    this.ms = new Float64Array(capacity);
    this.origin = new Uint8Array(capacity);
    this.answered = new Uint8Array(capacity);
  }

  remember(objectId: string, author: number, ms: number, origin: ContentOrigin): void {
    const slot = this.next;
    const evicted = this.ids[slot];
    if (evicted !== undefined) this.index.delete(evicted);
    this.ids[slot] = objectId;
    this.author[slot] = author;
    this.ms[slot] = ms;
    this.origin[slot] = ORIGINS.indexOf(origin);
    this.answered[slot] = 0;
    this.index.set(objectId, slot);
    this.next = (slot + 1) % this.capacity;
  }

  /** Slot of a remembered message, or undefined when it is unknown or forgotten. */
  slotOf(objectId: string | null | undefined): number | undefined {
    return objectId ? this.index.get(objectId) : undefined;
  }
}
