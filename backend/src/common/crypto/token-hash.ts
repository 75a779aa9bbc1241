/**
 * Random secrets and their hashes: session and refresh tokens, API keys, SMS verification codes.
 * Only hashes of tokens are stored, so a leaked table does not leak working tokens; comparisons of
 * secrets run in constant time so response timing does not reveal how much of a guess was right.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'crypto';

const HEX_PATTERN = /^(?:[0-9a-fA-F]{2})+$/;
const MAX_TOKEN_BYTES = 1024;
const MAX_DIGITS = 64;

/** A base64url token from `bytes` random bytes (32 bytes = 256 bits = 43 characters, URL and header safe). */
export function randomToken(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > MAX_TOKEN_BYTES) {
    throw new RangeError(`randomToken bytes must be an integer from 1 to ${MAX_TOKEN_BYTES}`);
  }
  return randomBytes(bytes).toString('base64url');
}

/** Lowercase hex SHA-256 of a UTF-8 string or raw bytes. */
export function sha256Hex(input: string | Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

/**
 * Constant-time equality of two hex strings (case-insensitive), such as a stored token hash and the
 * hash of a presented token. Returns false, never throws, for differing lengths or non-hex input;
 * an empty string never matches, so a missing stored hash cannot be satisfied by an empty guess.
 * Only the length can leak through timing, and hashes of one algorithm all share a length.
 */
export function timingSafeEqualHex(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (!HEX_PATTERN.test(a) || !HEX_PATTERN.test(b) || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/**
 * `n` decimal digits, each drawn uniformly with `crypto.randomInt` (no modulo bias), leading zeros
 * kept: a code for SMS verification. Returned as a string because `012345` is a valid code.
 */
export function randomDigits(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_DIGITS) {
    throw new RangeError(`randomDigits length must be an integer from 1 to ${MAX_DIGITS}`);
  }
  let digits = '';
  for (let i = 0; i < n; i += 1) {
    digits += String(randomInt(10));
  }
  return digits;
}
