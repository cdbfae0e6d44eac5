/**
 * Schema pieces every feature's API shares: how a person is named in an
 * answer, the community slug in a URL, an id in a URL. Zod only, so the web
 * can import the types they infer without pulling server code.
 */
import { z } from 'zod';

/** Someone an answer names: their id and the name they chose. */
export const person = z.object({ id: z.string(), displayName: z.string() });
export type Person = z.infer<typeof person>;

/** In a URL a slug or an id is only looked up, so a loose bound is enough (unknown → 404). */
export const slugParam = z.string().min(1).max(64);
export const idParam = z.string().min(1).max(64);
export const slugParams = z.object({ slug: slugParam });

/** An ISO-8601 timestamp as the API sends it. */
export const timestamp = z.string().describe('ISO-8601 UTC');
