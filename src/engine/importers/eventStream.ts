/**
 * Flattens batches of events into the per-event AsyncIterable importers
 * return. Handing out events from an array with an already-resolved promise
 * costs about a third less per event than `yield` in an async generator, which
 * matters at a million messages.
 */
import type { ChatEvent } from '../types.js';

export function eventStream(batches: () => AsyncIterator<ChatEvent[]>): AsyncIterable<ChatEvent> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<ChatEvent> {
      const source = batches();
      let buf: ChatEvent[] = [];
      let i = 0;
      const refill = async (): Promise<IteratorResult<ChatEvent>> => {
        for (;;) {
          const r = await source.next();
          if (r.done) return { done: true, value: undefined };
          if (r.value.length > 0) {
            buf = r.value;
            i = 1;
            return { done: false, value: buf[0] };
          }
        }
      };
      return {
        next: () => (i < buf.length ? Promise.resolve({ done: false, value: buf[i++] }) : refill()),
        return: async () => {
          await source.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
