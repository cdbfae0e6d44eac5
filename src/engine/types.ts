/**
 * Contracts of the health engine (体检). Pure: nothing here, nor anywhere under
 * src/engine, imports the server, the database or the web app.
 *
 *   importer (file/folder) --ChatEvent stream--> analyzer --DiagnosisResult--> report / JSON
 *
 * The same analyzer reads the platform's activity log (ActivityEvent rows).
 */
import type { ActivityEvent } from '../kernel/activity/taxonomy.js';

export type FormatId = 'telegram' | 'discord' | 'whatsapp' | 'slack' | 'qq' | 'wechat-chatlog' | 'wechat-memotrace' | 'wechat-wechatmsg';

/**
 * An activity event as an importer emits it: the platform's ActivityEvent plus
 * display names, so the analyzer can name members without a second pass.
 */
export interface ChatEvent extends ActivityEvent {
  actorName?: string;
  targetName?: string;
}

/** What an importer may look at to decide whether an input is its format. */
export interface Probe {
  path: string;
  isDirectory: boolean;
  /** First bytes of the file (or of the most telling file in a folder), decoded as UTF-8. */
  head: string;
  /** For a folder or zip: relative paths of the entries (up to a few thousand). */
  entries?: string[];
}

export interface ImportProgress {
  bytesRead: number;
  bytesTotal: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
}

export interface Importer {
  format: FormatId;
  /** Human name of the format, e.g. "Telegram Desktop JSON (result.json)". */
  label: string;
  /** Confidence 0..1 that the probe is this format (0 = certainly not). */
  sniff(probe: Probe): number;
  /**
   * Streams the export as events in time order where the format is ordered.
   * Memory must not grow with the number of messages (see ReplyResolver).
   * Throws ImportError on malformed input: never yields a partial result silently.
   */
  read(path: string, options?: ImportOptions): AsyncIterable<ChatEvent>;
  /** The group's own name, where the export states it near its start (null otherwise). */
  chatName?(probe: Probe): string | null;
}

/** Malformed or unreadable input. The CLI prints it and exits with code 2. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly expected: string,
    readonly position: { line?: number; column?: number; byte?: number } = {},
  ) {
    const where =
      position.line !== undefined
        ? `line ${position.line}${position.column !== undefined ? `, column ${position.column}` : ''}`
        : position.byte !== undefined
          ? `byte ${position.byte}`
          : 'start of file';
    super(`${file}: ${where}: ${expected}`);
    this.name = 'ImportError';
  }
}

/**
 * Maps recent message ids to their authors so a reply can name whom it answers,
 * with memory bounded by `capacity` (replies to older messages fall out of the
 * window and are counted as unresolved, never guessed).
 */
export class ReplyResolver {
  private readonly ids: (string | undefined)[];
  private readonly index = new Map<string, number>();
  private readonly authors: (string | undefined)[];
  private next = 0;
  unresolved = 0;

  constructor(readonly capacity = 200_000) {
    this.ids = new Array(capacity);
    this.authors = new Array(capacity);
  }

  remember(messageId: string, authorId: string): void {
    const slot = this.next;
    const evicted = this.ids[slot];
    if (evicted !== undefined) this.index.delete(evicted);
    this.ids[slot] = messageId;
    this.authors[slot] = authorId;
    this.index.set(messageId, slot);
    this.next = (slot + 1) % this.capacity;
  }

  authorOf(messageId: string): string | undefined {
    const slot = this.index.get(messageId);
    if (slot === undefined) {
      this.unresolved++;
      return undefined;
    }
    return this.authors[slot];
  }
}
