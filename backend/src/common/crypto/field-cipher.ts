/**
 * Encryption of personal data at rest (ID card numbers, phones, health notes, emergency contacts).
 *
 * Each value is sealed on its own with AES-256-GCM and a fresh random 12-byte IV, and carries the id
 * of the key that sealed it: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). Keys can
 * therefore rotate: the current key seals new values, every key in the ring still opens old ones, and
 * `needsRotation()` finds the rows a re-encryption job should rewrite.
 *
 * Ciphertext cannot be searched, so exact lookups (find the customer with this phone) go through a
 * blind index: a keyed HMAC of the normalised value, stored in its own column.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'crypto';

const FORMAT_VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_BLIND_INDEX_KEY_BYTES = 32;
/**
 * A key id is written into every value and into the keyring env var, so it must not contain the
 * separators `.`, `:` or `,`. Starting with a letter or digit also keeps ids like `__proto__` out.
 */
const KEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

export type FieldCipherErrorCode =
  | 'FIELD_CIPHER_CONFIG'
  | 'FIELD_CIPHER_MALFORMED'
  | 'FIELD_CIPHER_UNKNOWN_KEY'
  | 'FIELD_CIPHER_AUTH_FAILED';

/** Messages never include key material or plaintext, so they are safe to log. */
export class FieldCipherError extends Error {
  readonly code: FieldCipherErrorCode;

  constructor(code: FieldCipherErrorCode, message: string) {
    super(message);
    this.name = 'FieldCipherError';
    this.code = code;
  }
}

export interface FieldCipherOptions {
  /** Every key that may have sealed a stored value, by id; each exactly 32 bytes. */
  keys: Record<string, Buffer>;
  /** The key that seals new values. */
  currentKeyId: string;
  /** HMAC key for blind indexes; separate from the data keys and never rotated casually (see blindIndex). */
  blindIndexKey: Buffer;
}

/** Default normalisation for blind indexes: NFKC folds full-width digits and letters (`１３８`) to ASCII, and surrounding spaces are dropped. */
export function normaliseForBlindIndex(value: string): string {
  return value.normalize('NFKC').trim();
}

interface ParsedValue {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

export class FieldCipher {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentKeyId: string;
  private readonly blindIndexKey: Buffer;

  constructor(options: FieldCipherOptions) {
    for (const [keyId, key] of Object.entries(options.keys)) {
      assertKeyId(keyId, 'Data keyring');
      if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
        throw new FieldCipherError('FIELD_CIPHER_CONFIG', `Data key "${keyId}" must be exactly ${KEY_BYTES} bytes`);
      }
      // Copied so a caller reusing or zeroing its buffer cannot change the keyring under us.
      this.keys.set(keyId, Buffer.from(key));
    }
    if (!this.keys.has(options.currentKeyId)) {
      throw new FieldCipherError('FIELD_CIPHER_CONFIG', `Current data key "${options.currentKeyId}" is not in the keyring`);
    }
    if (!Buffer.isBuffer(options.blindIndexKey) || options.blindIndexKey.length < MIN_BLIND_INDEX_KEY_BYTES) {
      throw new FieldCipherError('FIELD_CIPHER_CONFIG', `Blind index key must be at least ${MIN_BLIND_INDEX_KEY_BYTES} bytes`);
    }
    this.currentKeyId = options.currentKeyId;
    this.blindIndexKey = Buffer.from(options.blindIndexKey);
  }

  encrypt(plain: string): string {
    if (typeof plain !== 'string') {
      throw new TypeError('FieldCipher.encrypt expects a string');
    }
    const keyId = this.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.requireKey(keyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(keyId));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT_VERSION, keyId, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  decrypt(value: string): string {
    const { keyId, iv, tag, ciphertext } = parseSealedValue(value);
    const decipher = createDecipheriv(ALGORITHM, this.requireKey(keyId), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(keyId));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      // Wrong key bytes under a known id, or any tampering with iv, tag, ciphertext or key id.
      throw new FieldCipherError('FIELD_CIPHER_AUTH_FAILED', `Encrypted value failed authentication (key "${keyId}")`);
    }
  }

  /** Nullable columns stay null: null means "not given", not "encrypted empty string". */
  encryptNullable(plain: string): string;
  encryptNullable(plain: string | null | undefined): string | null;
  encryptNullable(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined ? null : this.encrypt(plain);
  }

  decryptNullable(value: string): string;
  decryptNullable(value: string | null | undefined): string | null;
  decryptNullable(value: string | null | undefined): string | null {
    return value === null || value === undefined ? null : this.decrypt(value);
  }

  /**
   * HMAC-SHA256 (hex) of the normalised value, for exact-match lookups on encrypted columns.
   * The same input always gives the same index, so changing the blind index key or the
   * normalisation means recomputing every stored index.
   */
  blindIndex(plain: string, normalise: (value: string) => string = normaliseForBlindIndex): string {
    if (typeof plain !== 'string') {
      throw new TypeError('FieldCipher.blindIndex expects a string');
    }
    return createHmac('sha256', this.blindIndexKey).update(normalise(plain), 'utf8').digest('hex');
  }

  /** True when the value was sealed with a key other than the current one and should be re-encrypted. */
  needsRotation(value: string): boolean {
    return parseSealedValue(value).keyId !== this.currentKeyId;
  }

  private requireKey(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key) {
      throw new FieldCipherError('FIELD_CIPHER_UNKNOWN_KEY', `Encrypted value uses unknown data key "${keyId}"`);
    }
    return key;
  }
}

/**
 * Version and key id are authenticated with the ciphertext, so a value cannot be relabelled with
 * another key id (or format) without failing the tag check, even if that id maps to the same bytes.
 */
function associatedData(keyId: string): Buffer {
  return Buffer.from(`${FORMAT_VERSION}.${keyId}`, 'utf8');
}

function parseSealedValue(value: string): ParsedValue {
  if (typeof value !== 'string') {
    throw new FieldCipherError('FIELD_CIPHER_MALFORMED', 'Encrypted value must be a string');
  }
  const parts = value.split('.');
  if (parts.length !== 5) {
    throw new FieldCipherError('FIELD_CIPHER_MALFORMED', 'Encrypted value must have 5 dot-separated parts');
  }
  const [version, keyId, ivText, tagText, ciphertextText] = parts;
  if (version !== FORMAT_VERSION) {
    throw new FieldCipherError('FIELD_CIPHER_MALFORMED', `Encrypted value has unsupported format "${version.slice(0, 8)}"`);
  }
  if (!KEY_ID_PATTERN.test(keyId)) {
    throw new FieldCipherError('FIELD_CIPHER_MALFORMED', 'Encrypted value has an invalid key id');
  }
  const iv = decodeBase64Url(ivText, 'iv');
  const tag = decodeBase64Url(tagText, 'tag');
  const ciphertext = decodeBase64Url(ciphertextText, 'ciphertext');
  if (iv.length !== IV_BYTES) {
    throw new FieldCipherError('FIELD_CIPHER_MALFORMED', `Encrypted value iv must be ${IV_BYTES} bytes`);
  }
  if (tag.length !== TAG_BYTES) {
    throw new FieldCipherError('FIELD_CIPHER_MALFORMED', `Encrypted value tag must be ${TAG_BYTES} bytes`);
  }
  return { keyId, iv, tag, ciphertext };
}

function decodeBase64Url(text: string, part: string): Buffer {
  const bytes = BASE64URL_PATTERN.test(text) ? Buffer.from(text, 'base64url') : null;
  // Node's decoder is lenient; re-encoding rejects stray characters and non-canonical trailing bits.
  if (!bytes || bytes.toString('base64url') !== text) {
    throw new FieldCipherError('FIELD_CIPHER_MALFORMED', `Encrypted value ${part} is not canonical base64url`);
  }
  return bytes;
}

/** An invalid id is not echoed: a misplaced separator could put key material where the id belongs. */
function assertKeyId(keyId: string, where: string): void {
  if (!KEY_ID_PATTERN.test(keyId)) {
    throw new FieldCipherError(
      'FIELD_CIPHER_CONFIG',
      `${where}: key id must be 1-32 letters, digits, "_" or "-", starting with a letter or digit`,
    );
  }
}

/**
 * Parses the keyring env format `"k1:<base64 of 32 bytes>,k2:<base64>"` (spaces around entries are
 * ignored). Errors name the offending key id but never echo key material.
 */
export function parseKeyring(spec: string): Record<string, Buffer> {
  if (typeof spec !== 'string' || spec.trim() === '') {
    throw new FieldCipherError('FIELD_CIPHER_CONFIG', 'Keyring is empty; expected "k1:<base64 32 bytes>,k2:..."');
  }
  const keys: Record<string, Buffer> = {};
  spec.split(',').forEach((rawEntry, index) => {
    const entry = rawEntry.trim();
    const colon = entry.indexOf(':');
    if (colon < 0) {
      throw new FieldCipherError('FIELD_CIPHER_CONFIG', `Keyring entry ${index + 1} must look like "<id>:<base64 key>"`);
    }
    const keyId = entry.slice(0, colon).trim();
    const encoded = entry.slice(colon + 1).trim();
    assertKeyId(keyId, `Keyring entry ${index + 1}`);
    if (Object.prototype.hasOwnProperty.call(keys, keyId)) {
      throw new FieldCipherError('FIELD_CIPHER_CONFIG', `Keyring has duplicate key id "${keyId}"`);
    }
    if (!BASE64_PATTERN.test(encoded) || encoded.length % 4 !== 0) {
      throw new FieldCipherError('FIELD_CIPHER_CONFIG', `Data key "${keyId}" is not valid padded base64`);
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new FieldCipherError(
        'FIELD_CIPHER_CONFIG',
        `Data key "${keyId}" must decode to ${KEY_BYTES} bytes, got ${key.length}`,
      );
    }
    keys[keyId] = key;
  });
  return keys;
}
