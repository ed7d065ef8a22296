import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh session token: 32 random bytes as 64 hex digits. */
export function createToken(): string {
  return randomBytes(32).toString('hex');
}

/** Compares in constant time, so the time a refusal takes says nothing about the token. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
