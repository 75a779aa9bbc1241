import { randomBytes } from 'crypto';
import { FieldCipher, FieldCipherError, normaliseForBlindIndex, parseKeyring } from './field-cipher';

const key1 = Buffer.alloc(32, 1);
const key2 = Buffer.alloc(32, 2);
const blindIndexKey = Buffer.alloc(32, 9);

function cipherWith(currentKeyId: string, keys: Record<string, Buffer> = { k1: key1, k2: key2 }): FieldCipher {
  return new FieldCipher({ keys, currentKeyId, blindIndexKey });
}

/** Replaces one dot-separated part of a sealed value. */
function withPart(value: string, index: number, replacement: string): string {
  const parts = value.split('.');
  parts[index] = replacement;
  return parts.join('.');
}

/** Flips one bit of a base64url part, keeping it canonical so only authentication can catch it. */
function flipBit(part: string): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[0] ^= 0x01;
  return bytes.toString('base64url');
}

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the action to throw');
}

function expectCipherError(action: () => unknown, code: FieldCipherError['code']): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FieldCipherError);
  expect((caught as FieldCipherError).code).toBe(code);
}

describe('FieldCipher', () => {
  const cipher = cipherWith('k1');

  it.each([
    ['an ID card number', '110101199003071234'],
    ['a phone number', '13812341234'],
    ['Chinese text', '患者有高血压，需要轮椅。紧急联系人：张三丰'],
    ['an empty string', ''],
    ['emoji and dots', '🙂 a.b.c'],
  ])('round-trips %s', (_label, plain) => {
    expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
  });

  it('writes values as v1.<keyId>.<iv>.<tag>.<ciphertext> in base64url', () => {
    const value = cipher.encrypt('13812341234');
    const [version, keyId, iv, tag, ciphertext] = value.split('.');
    expect(value.split('.')).toHaveLength(5);
    expect(version).toBe('v1');
    expect(keyId).toBe('k1');
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ciphertext, 'base64url')).toHaveLength(11);
    expect(value).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('uses a different IV each time, so equal plaintexts give different values', () => {
    const values = Array.from({ length: 50 }, () => cipher.encrypt('13812341234'));
    expect(new Set(values).size).toBe(50);
    expect(new Set(values.map((value) => value.split('.')[2])).size).toBe(50);
  });

  it('does not contain the plaintext in the value', () => {
    expect(cipher.encrypt('13812341234')).not.toContain('13812341234');
  });

  describe('rejects tampering', () => {
    const value = cipher.encrypt('110101199003071234');

    it('rejects a changed ciphertext', () => {
      expectCipherError(() => cipher.decrypt(withPart(value, 4, flipBit(value.split('.')[4]))), 'FIELD_CIPHER_AUTH_FAILED');
    });

    it('rejects a changed auth tag', () => {
      expectCipherError(() => cipher.decrypt(withPart(value, 3, flipBit(value.split('.')[3]))), 'FIELD_CIPHER_AUTH_FAILED');
    });

    it('rejects a changed IV', () => {
      expectCipherError(() => cipher.decrypt(withPart(value, 2, flipBit(value.split('.')[2]))), 'FIELD_CIPHER_AUTH_FAILED');
    });

    it('rejects a value relabelled with another known key id', () => {
      expectCipherError(() => cipher.decrypt(withPart(value, 1, 'k2')), 'FIELD_CIPHER_AUTH_FAILED');
    });

    it('rejects a value relabelled with a key id that maps to the same key bytes, because the id is authenticated', () => {
      const aliased = cipherWith('k1', { k1: key1, alias: key1 });
      expectCipherError(() => aliased.decrypt(withPart(aliased.encrypt('secret'), 1, 'alias')), 'FIELD_CIPHER_AUTH_FAILED');
    });

    it('rejects a truncated ciphertext', () => {
      const shorter = Buffer.from(value.split('.')[4], 'base64url').subarray(0, -1).toString('base64url');
      expectCipherError(() => cipher.decrypt(withPart(value, 4, shorter)), 'FIELD_CIPHER_AUTH_FAILED');
    });
  });

  it('throws a clear error for an unknown key id', () => {
    expectCipherError(() => cipher.decrypt(withPart(cipher.encrypt('x'), 1, 'k9')), 'FIELD_CIPHER_UNKNOWN_KEY');
    expect(() => cipher.decrypt(withPart(cipher.encrypt('x'), 1, 'k9'))).toThrow('unknown data key "k9"');
  });

  it.each([
    ['plain text', '13812341234'],
    ['an empty string', ''],
    ['too few parts', 'v1.k1.abc.def'],
    ['too many parts', `${'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA'}.extra`],
    ['an unknown version', 'v2.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA'],
    ['an invalid key id', 'v1.k:1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA'],
    ['a short IV', 'v1.k1.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AA'],
    ['a short tag', 'v1.k1.AAAAAAAAAAAAAAAA.AAAA.AA'],
    ['standard base64 characters', 'v1.k1.AAAAAAAAAAAAAAA+.AAAAAAAAAAAAAAAAAAAAAA.AA'],
    ['padding', 'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA=='],
    ['non-canonical trailing bits', 'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAB.AA'],
  ])('rejects a malformed value: %s', (_label, value) => {
    expectCipherError(() => cipher.decrypt(value), 'FIELD_CIPHER_MALFORMED');
  });

  it('rejects a non-string value as malformed', () => {
    expectCipherError(() => cipher.decrypt(42 as unknown as string), 'FIELD_CIPHER_MALFORMED');
  });

  describe('key rotation', () => {
    const oldCipher = cipherWith('k1');
    const rotatedCipher = cipherWith('k2');
    const oldValue = oldCipher.encrypt('13812341234');

    it('still decrypts values sealed with an older key', () => {
      expect(rotatedCipher.decrypt(oldValue)).toBe('13812341234');
    });

    it('seals new values with the current key', () => {
      expect(rotatedCipher.encrypt('13812341234').split('.')[1]).toBe('k2');
    });

    it('reports that values under an older key need rotation and current ones do not', () => {
      expect(rotatedCipher.needsRotation(oldValue)).toBe(true);
      expect(rotatedCipher.needsRotation(rotatedCipher.encrypt('x'))).toBe(false);
      expect(oldCipher.needsRotation(oldValue)).toBe(false);
    });

    it('cannot decrypt values once their key has left the keyring', () => {
      const withoutOldKey = cipherWith('k2', { k2: key2 });
      expectCipherError(() => withoutOldKey.decrypt(oldValue), 'FIELD_CIPHER_UNKNOWN_KEY');
    });

    it('refuses to judge rotation of a malformed value', () => {
      expectCipherError(() => rotatedCipher.needsRotation('not-encrypted'), 'FIELD_CIPHER_MALFORMED');
    });
  });

  describe('nullable helpers', () => {
    it('keep null and undefined as null', () => {
      expect(cipher.encryptNullable(null)).toBeNull();
      expect(cipher.encryptNullable(undefined)).toBeNull();
      expect(cipher.decryptNullable(null)).toBeNull();
      expect(cipher.decryptNullable(undefined)).toBeNull();
    });

    it('encrypt and decrypt strings, including the empty string', () => {
      expect(cipher.decryptNullable(cipher.encryptNullable('张三'))).toBe('张三');
      expect(cipher.decryptNullable(cipher.encryptNullable(''))).toBe('');
    });
  });

  describe('blind index', () => {
    it('is a stable 64-character hex HMAC for the same input', () => {
      const index = cipher.blindIndex('13812341234');
      expect(index).toMatch(/^[0-9a-f]{64}$/);
      expect(cipher.blindIndex('13812341234')).toBe(index);
      expect(cipherWith('k2').blindIndex('13812341234')).toBe(index);
    });

    it('does not depend on the data keys, so rotating them keeps lookups working', () => {
      const otherDataKeys = new FieldCipher({ keys: { z: randomBytes(32) }, currentKeyId: 'z', blindIndexKey });
      expect(otherDataKeys.blindIndex('13812341234')).toBe(cipher.blindIndex('13812341234'));
    });

    it('depends on the blind index key', () => {
      const otherIndexKey = new FieldCipher({ keys: { k1: key1 }, currentKeyId: 'k1', blindIndexKey: Buffer.alloc(32, 8) });
      expect(otherIndexKey.blindIndex('13812341234')).not.toBe(cipher.blindIndex('13812341234'));
    });

    it('differs for different values', () => {
      expect(cipher.blindIndex('13812341234')).not.toBe(cipher.blindIndex('13812341235'));
    });

    it('folds full-width digits and surrounding spaces by default', () => {
      expect(cipher.blindIndex(' １３８１２３４１２３４ ')).toBe(cipher.blindIndex('13812341234'));
      expect(normaliseForBlindIndex(' １３８ ')).toBe('138');
    });

    it('applies a custom normaliser before hashing', () => {
      const digitsOnly = (value: string) => value.replace(/\D/g, '');
      expect(cipher.blindIndex('138-1234-1234', digitsOnly)).toBe(cipher.blindIndex('13812341234'));
    });
  });

  describe('configuration', () => {
    it('rejects a data key that is not 32 bytes', () => {
      expect(() => new FieldCipher({ keys: { k1: Buffer.alloc(16) }, currentKeyId: 'k1', blindIndexKey })).toThrow(
        'Data key "k1" must be exactly 32 bytes',
      );
    });

    it('rejects a current key id that is not in the keyring', () => {
      expect(() => cipherWith('k3')).toThrow('Current data key "k3" is not in the keyring');
    });

    it('rejects a short blind index key', () => {
      expect(() => new FieldCipher({ keys: { k1: key1 }, currentKeyId: 'k1', blindIndexKey: Buffer.alloc(8) })).toThrow(
        'Blind index key must be at least 32 bytes',
      );
    });

    it('rejects a key id containing a separator', () => {
      expectCipherError(() => new FieldCipher({ keys: { 'k.1': key1 }, currentKeyId: 'k.1', blindIndexKey }), 'FIELD_CIPHER_CONFIG');
    });

    it('is not affected when the caller later overwrites its key buffer', () => {
      const callerKey = Buffer.from(key1);
      const owned = new FieldCipher({ keys: { k1: callerKey }, currentKeyId: 'k1', blindIndexKey });
      const value = owned.encrypt('张三');
      callerKey.fill(0);
      expect(owned.decrypt(value)).toBe('张三');
    });
  });
});

describe('parseKeyring', () => {
  const b64a = key1.toString('base64');
  const b64b = key2.toString('base64');

  it('parses ids and base64 keys, ignoring spaces around entries', () => {
    const keys = parseKeyring(` k1:${b64a} , k2:${b64b}`);
    expect(Object.keys(keys)).toEqual(['k1', 'k2']);
    expect(keys.k1.equals(key1)).toBe(true);
    expect(keys.k2.equals(key2)).toBe(true);
  });

  it('parses a single key', () => {
    expect(Object.keys(parseKeyring(`dev1:${b64a}`))).toEqual(['dev1']);
  });

  it('produces a keyring FieldCipher accepts', () => {
    const cipher = new FieldCipher({ keys: parseKeyring(`k1:${b64a},k2:${b64b}`), currentKeyId: 'k2', blindIndexKey });
    expect(cipher.decrypt(cipher.encrypt('13812341234'))).toBe('13812341234');
  });

  it.each([
    ['an empty spec', '', 'Keyring is empty'],
    ['a blank spec', '   ', 'Keyring is empty'],
    ['an entry without a colon', `k1${b64a}`, 'Keyring entry 1 must look like'],
    ['an empty entry', `k1:${b64a},`, 'Keyring entry 2 must look like'],
    ['an empty key id', `:${b64a}`, 'Keyring entry 1: key id must be'],
    ['a key id with a dot', `k.1:${b64a}`, 'Keyring entry 1: key id must be'],
    ['a duplicate key id', `k1:${b64a},k1:${b64b}`, 'duplicate key id "k1"'],
    ['a 16-byte key', `k1:${Buffer.alloc(16).toString('base64')}`, 'must decode to 32 bytes, got 16'],
    ['a 33-byte key', `k1:${Buffer.alloc(33).toString('base64')}`, 'must decode to 32 bytes, got 33'],
    ['a key that is not base64', 'k1:not base64!', 'is not valid padded base64'],
    ['unpadded base64', `k1:${b64a.replace(/=+$/, '')}`, 'is not valid padded base64'],
  ])('rejects %s with a clear error', (_label, spec, message) => {
    expect(() => parseKeyring(spec)).toThrow(FieldCipherError);
    expect(() => parseKeyring(spec)).toThrow(message);
  });

  it('never echoes key material in its errors', () => {
    const secret = randomBytes(31).toString('base64');
    for (const spec of [`k1:${secret}`, secret, `${secret}:k1`]) {
      expect(() => parseKeyring(spec)).toThrow(FieldCipherError);
      expect(messageOf(() => parseKeyring(spec))).not.toContain(secret.slice(0, 12));
    }
  });
});
