/**
 * Venue check-in codes: signed per event and member with the event's secret,
 * so the host's page can tell a real code from a guess without a list; single
 * use is kept by the attendance row (a second scan finds it taken).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Check-in codes: 8 characters a person can type, HMAC-signed per event and member (no 0/O/1/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function checkinCode(secret: string, eventId: string, userId: string): string {
  const mac = createHmac('sha256', secret).update(`${eventId}:${userId}`).digest();
  let out = '';
  for (let i = 0; i < 8; i++) out += ALPHABET[mac[i]! % ALPHABET.length];
  return out;
}

/** A typed or scanned code, tidied: case, spaces and dashes do not matter. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function codeMatches(secret: string, eventId: string, userId: string, code: string): boolean {
  const a = Buffer.from(checkinCode(secret, eventId, userId));
  const b = Buffer.from(normalizeCode(code));
  return a.length === b.length && timingSafeEqual(a, b);
}
