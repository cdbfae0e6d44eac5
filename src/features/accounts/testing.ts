/**
 * For tests (API and end-to-end): read what the server "sent" straight from the
 * mail_outbox table, no CLI or mail server needed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';
import { listOutbox } from './store.js';

export { listOutbox };

/** The newest outbox message to an address, or undefined (ids sort by millisecond; ties are unordered). */
export async function latestMailTo(db: Kysely<Database>, to: string) {
  const [newest] = await listOutbox(db, to.trim().toLowerCase());
  return newest;
}

/** The reset token in a reset mail's text (the last path segment of its /reset/<token> link). */
export function resetTokenFrom(text: string): string | undefined {
  return /\/reset\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
}
