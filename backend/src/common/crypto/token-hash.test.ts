import { createHash } from 'crypto';
import { randomDigits, randomToken, sha256Hex, timingSafeEqualHex } from './token-hash';

describe('randomToken', () => {
  it('returns 43 base64url characters for the default 32 bytes', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('returns the requested number of bytes', () => {
    expect(Buffer.from(randomToken(16), 'base64url')).toHaveLength(16);
    expect(Buffer.from(randomToken(1), 'base64url')).toHaveLength(1);
  });

  it('does not repeat across many draws', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => randomToken()));
    expect(tokens.size).toBe(1000);
  });

  it.each([0, -1, 1.5, Number.NaN, 1025])('rejects a byte count of %p', (bytes) => {
    expect(() => randomToken(bytes)).toThrow(RangeError);
  });
});

describe('sha256Hex', () => {
  it('matches the known digest of "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes strings as UTF-8 and accepts buffers', () => {
    expect(sha256Hex('陪诊')).toBe(createHash('sha256').update(Buffer.from('陪诊', 'utf8')).digest('hex'));
    expect(sha256Hex(Buffer.from('abc'))).toBe(sha256Hex('abc'));
  });
});

describe('timingSafeEqualHex', () => {
  const hash = sha256Hex('token');

  it.each([
    ['equal hashes', hash, hash, true],
    ['the same hash in upper case', hash, hash.toUpperCase(), true],
    ['hashes that differ in the last digit', hash, `${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`, false],
    ['hashes of different lengths', hash, hash.slice(0, -2), false],
    ['an empty guess against an empty hash', '', '', false],
    ['an empty guess', hash, '', false],
    ['a non-hex guess of the right length', hash, 'z'.repeat(64), false],
    ['an odd-length hex string', 'abc', 'abc', false],
  ])('compares %s as %p', (_label, a, b, expected) => {
    expect(timingSafeEqualHex(a, b)).toBe(expected);
  });

  it('returns false instead of throwing for non-string input', () => {
    expect(timingSafeEqualHex(hash, undefined as unknown as string)).toBe(false);
  });
});

describe('randomDigits', () => {
  it('always returns exactly six digits for a six-digit code, leading zeros included', () => {
    let sawLeadingZero = false;
    for (let i = 0; i < 5000; i += 1) {
      const code = randomDigits(6);
      expect(code).toMatch(/^[0-9]{6}$/);
      if (code.startsWith('0')) sawLeadingZero = true;
    }
    // P(no leading zero in 5000 draws) = 0.9^5000, effectively zero.
    expect(sawLeadingZero).toBe(true);
  });

  it('returns the requested length', () => {
    expect(randomDigits(1)).toMatch(/^[0-9]$/);
    expect(randomDigits(64)).toMatch(/^[0-9]{64}$/);
  });

  it('draws each digit about equally often', () => {
    const draws = 60_000;
    const counts = new Array<number>(10).fill(0);
    const text = Array.from({ length: draws / 6 }, () => randomDigits(6)).join('');
    for (const char of text) counts[Number(char)] += 1;
    const expected = draws / 10;
    // ±10% of 6,000 is ±600, about 8 standard deviations: a correct generator essentially never fails.
    for (const count of counts) {
      expect(count).toBeGreaterThanOrEqual(expected * 0.9);
      expect(count).toBeLessThanOrEqual(expected * 1.1);
    }
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(draws);
  });

  it.each([0, -1, 2.5, Number.NaN, 65])('rejects a length of %p', (n) => {
    expect(() => randomDigits(n)).toThrow(RangeError);
  });
});
