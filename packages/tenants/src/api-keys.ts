import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An API key as the client sees it: `dfk_<keyId>_<secret>`; only its SHA-256 is stored. */
export interface IssuedKey {
  keyId: string;
  key: string;
  hash: string;
}

const KEY_PATTERN = /^dfk_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function issueKey(): IssuedKey {
  const keyId = randomBytes(6).toString('hex');
  const key = `dfk_${keyId}_${randomBytes(32).toString('base64url')}`;
  return { keyId, key, hash: hashKey(key) };
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The key id of a well-formed key, or undefined (then nothing is looked up). */
export function keyIdOf(key: string): string | undefined {
  return KEY_PATTERN.exec(key)?.[1];
}

/** Constant-time comparison, for the admin key from config. */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
