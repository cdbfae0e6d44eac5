/** Live slug check: the server's own slug rules, with the message in the reader's language. */
import { SLUG_PATTERN, RESERVED_SLUGS } from '../../../../src/features/communities/rules.js';
import { api, ApiError } from '../../app/api.js';
import { path } from './api.js';

export type SlugProblem = 'format' | 'doubleDash' | 'reserved' | 'taken' | null;

export function slugFormatProblem(slug: string): SlugProblem {
  if (!SLUG_PATTERN.test(slug)) return 'format';
  if (slug.includes('--')) return 'doubleDash';
  if (RESERVED_SLUGS.has(slug)) return 'reserved';
  return null;
}

/** Is the address already used? A 404 from the public view means it is free. */
export async function slugTaken(slug: string): Promise<boolean> {
  try {
    await api('GET', path(slug));
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return false;
    return false; // cannot tell (offline …): let the server decide on submit
  }
}
