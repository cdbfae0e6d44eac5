/**
 * Keyset pagination (分页游标). A page ends with `nextCursor`: the sort key of
 * its last row, opaque to clients (base64url JSON). The next request passes it
 * back as `cursor` and the store reads rows strictly after that key, on an index
 * whose order matches the list's, so page 1,000 costs what page 1 costs.
 */
import { z } from 'zod';
import { Invalid } from './errors.js';

export type CursorKey = (string | number | null)[];

/** The `cursor` query parameter every paged list accepts. */
export const cursorParam = z.string().max(400).optional();

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key of a cursor this API handed out; a forged or stale shape is a 400 on `cursor`. */
export function decodeCursor(cursor: string | undefined, shape: readonly ('string' | 'number' | 'nullable-string')[]): CursorKey | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw Invalid('cursor', 'not a cursor this list handed out');
  }
  const fits =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((v, i) => (shape[i] === 'nullable-string' ? v === null || typeof v === 'string' : typeof v === shape[i]));
  if (!fits) throw Invalid('cursor', 'not a cursor this list handed out');
  return key as CursorKey;
}

/**
 * Reads `limit + 1` rows to learn whether there is a next page without counting:
 * returns the page and the cursor of its last row (null on the last page).
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => CursorKey): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeCursor(keyOf(page[page.length - 1]!)) };
}
