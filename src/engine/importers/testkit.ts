/** Test helpers for the importer tests (not used by the importers themselves). */
import { fileURLToPath } from 'node:url';
import type { ChatEvent } from '../types.js';

export function fixture(rel: string): string {
  return fileURLToPath(new URL(`../../../test/fixtures/chat/${rel}`, import.meta.url));
}

export async function collect(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

export function ofKind(events: ChatEvent[], kind: ChatEvent['kind']): ChatEvent[] {
  return events.filter((e) => e.kind === kind);
}

/** Runs the import and returns the error it throws (or fails the test if none). */
export async function importError(events: AsyncIterable<ChatEvent>): Promise<Error & { file?: string; position?: { line?: number; byte?: number } }> {
  try {
    await collect(events);
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the import to fail, but it succeeded');
}
