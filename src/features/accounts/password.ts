/**
 * Password hashing with argon2id through @node-rs/argon2 (no hand-rolled crypto).
 * Parameters follow OWASP's argon2id baseline: 19 MiB memory, 2 passes, 1 lane —
 * about 20–40 ms per hash on a small server, slow enough to hurt offline guessing,
 * fast enough that sign-in stays instant. The PHC string stores the parameters
 * and salt, so raising them later only affects new hashes.
 */
import { hash, verify } from '@node-rs/argon2';

// The package exports Algorithm as a const enum, which isolated transpilers (tsx,
// vitest) cannot inline; 2 is its Argon2id member.
const ARGON2ID = 2 as const;

export const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

/** False for a wrong password and for a malformed stored hash alike: either way, no entry. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for sign-ins to an email
 * that has no account: without it, "unknown email" answers measurably faster
 * than "wrong password" and tells an attacker which addresses are registered.
 */
export async function burnVerification(password: string): Promise<void> {
  dummy ??= hashPassword('shequn-no-such-account-' + Math.random().toString(36));
  await verifyPassword(await dummy, password);
}
