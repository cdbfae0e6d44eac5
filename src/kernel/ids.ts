import { createHash, randomBytes } from 'node:crypto';

/**
 * Row ids: time-ordered (sortable like ULID: 10 chars of millisecond time, then
 * 16 random chars, Crockford base32) so listings by id follow creation.
 */
const B32 = '0123456789abcdefghjkmnpqrstvwxyz';

export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = B32[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let rand = '';
  for (const b of bytes) rand += B32[b % 32];
  return time + rand;
}

/** An unguessable secret for links and sessions (256 bits, url-safe). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are stored hashed, so a leaked database does not leak live sessions or links. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
