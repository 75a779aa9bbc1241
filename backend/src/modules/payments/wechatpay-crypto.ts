/**
 * WeChat Pay API v3 cryptography, with Node's crypto only: request signing (SHA256withRSA over
 * "METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n"), response and callback verification (over
 * "TIMESTAMP\nNONCE\nBODY\n" with the platform key named by Wechatpay-Serial), the AES-256-GCM
 * `resource` of callbacks, and the JSAPI paySign. The real adapter and the sandbox channel both
 * use these functions, so whatever the sandbox signs is verified by exactly the production code.
 */
import * as fs from 'fs';
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  generateKeyPairSync,
  KeyObject,
  randomBytes,
  randomInt,
  X509Certificate,
} from 'crypto';

export const SIGNATURE_SCHEME = 'WECHATPAY2-SHA256-RSA2048';
/** WeChat's own rule: a signed message more than five minutes away from our clock is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
export const AEAD_ALGORITHM = 'AEAD_AES_256_GCM';
const GCM_TAG_BYTES = 16;
const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Why a signed message (a callback or an API answer) was not believed. Stored on the payment event. */
export type SignatureFailure = 'missing_headers' | 'unknown_serial' | 'timestamp_out_of_window' | 'bad_signature';

export class WechatPaySignatureError extends Error {
  constructor(
    readonly reason: SignatureFailure,
    message: string
  ) {
    super(message);
    this.name = 'WechatPaySignatureError';
  }
}

export class WechatPayDecryptError extends Error {
  readonly reason = 'decrypt_failed';

  constructor(message: string) {
    super(message);
    this.name = 'WechatPayDecryptError';
  }
}

/** Random [A-Za-z0-9] text: request nonces, callback nonces, the 12-character GCM nonce. */
export function nonceString(length = 32): string {
  let out = '';
  for (let i = 0; i < length; i++) out += NONCE_ALPHABET[randomInt(NONCE_ALPHABET.length)];
  return out;
}

export function unixSeconds(nowMs = Date.now()): string {
  return String(Math.floor(nowMs / 1000));
}

/** What the merchant signs for an API request; `url` is the path with its query, without scheme and host. */
export function requestMessage(method: string, url: string, timestamp: string, nonce: string, body: string): string {
  return `${method.toUpperCase()}\n${url}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** What WeChat signs for an API answer and for a callback. */
export function responseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/** SHA256withRSA (PKCS#1 v1.5), base64. */
export function rsaSign(message: string, privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

export function rsaVerify(message: string, signatureBase64: string, publicKey: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signatureBase64, 'base64');
  } catch {
    // A signature that is not even well-formed base64/RSA is simply not valid.
    return false;
  }
}

export interface AuthorizationParts {
  mchid: string;
  nonce_str: string;
  timestamp: string;
  serial_no: string;
  signature: string;
}

export function authorizationHeader(p: AuthorizationParts): string {
  return `${SIGNATURE_SCHEME} mchid="${p.mchid}",nonce_str="${p.nonce_str}",signature="${p.signature}",timestamp="${p.timestamp}",serial_no="${p.serial_no}"`;
}

/** Parses `WECHATPAY2-SHA256-RSA2048 k="v",...`; null when the scheme or any part is missing. */
export function parseAuthorization(header: string | null | undefined): AuthorizationParts | null {
  if (!header || !header.startsWith(`${SIGNATURE_SCHEME} `)) return null;
  const parts: Record<string, string> = {};
  for (const m of header.slice(SIGNATURE_SCHEME.length + 1).matchAll(/([a-z_]+)="([^"]*)"/g)) parts[m[1]] = m[2];
  const keys: (keyof AuthorizationParts)[] = ['mchid', 'nonce_str', 'timestamp', 'serial_no', 'signature'];
  if (!keys.every(k => typeof parts[k] === 'string' && parts[k].length > 0)) return null;
  return parts as unknown as AuthorizationParts;
}

/** Signs one API request as the merchant: the value of the Authorization header. */
export function signRequest(
  merchant: { mchId: string; serialNo: string; privateKey: KeyObject },
  method: string,
  url: string,
  body: string,
  nowMs = Date.now(),
  nonce = nonceString()
): string {
  const timestamp = unixSeconds(nowMs);
  const signature = rsaSign(requestMessage(method, url, timestamp, nonce, body), merchant.privateKey);
  return authorizationHeader({ mchid: merchant.mchId, nonce_str: nonce, timestamp, serial_no: merchant.serialNo, signature });
}

/** The four headers WeChat puts on every answer and callback (Wechatpay-Timestamp, -Nonce, -Signature, -Serial). */
export interface SignedHeaders {
  timestamp: string;
  nonce: string;
  signature: string;
  serial: string;
}

/** Reads a header from koa's lower-cased object, a fetch `Headers`, or a plain record in any case. */
export type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const record = headers as Record<string, string | string[] | undefined>;
  const lower = name.toLowerCase();
  const key = Object.keys(record).find(k => k.toLowerCase() === lower);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

export function readSignedHeaders(headers: HeaderSource): Partial<SignedHeaders> {
  return {
    timestamp: headerValue(headers, 'Wechatpay-Timestamp'),
    nonce: headerValue(headers, 'Wechatpay-Nonce'),
    signature: headerValue(headers, 'Wechatpay-Signature'),
    serial: headerValue(headers, 'Wechatpay-Serial'),
  };
}

/** Signs a body as the platform (what the sandbox does in WeChat's place) and returns the headers to send. */
export function signAsPlatform(platform: { serial: string; privateKey: KeyObject }, body: string, nowMs = Date.now(), nonce = nonceString()): SignedHeaders {
  const timestamp = unixSeconds(nowMs);
  return { timestamp, nonce, serial: platform.serial, signature: rsaSign(responseMessage(timestamp, nonce, body), platform.privateKey) };
}

/**
 * The platform keys we believe, by serial: platform certificates (serial = the certificate's
 * serial number) and/or the newer WeChat Pay public key (serial = `PUB_KEY_ID_...`). Several at
 * once so a key rotation never rejects good callbacks.
 */
export class PlatformKeyring {
  private readonly keys = new Map<string, KeyObject>();

  constructor(entries: Iterable<{ serial: string; key: KeyObject }> = []) {
    for (const e of entries) this.add(e.serial, e.key);
  }

  add(serial: string, key: KeyObject): void {
    if (key.type !== 'public') throw new Error(`platform key ${serial} must be a public key`);
    this.keys.set(normaliseSerial(serial), key);
  }

  get(serial: string): KeyObject | undefined {
    return this.keys.get(normaliseSerial(serial));
  }

  serials(): string[] {
    return [...this.keys.keys()];
  }

  entries(): { serial: string; key: KeyObject }[] {
    return [...this.keys.entries()].map(([serial, key]) => ({ serial, key }));
  }

  get size(): number {
    return this.keys.size;
  }
}

/** Certificate serials are hex and compared without case; public key ids keep their case. */
function normaliseSerial(serial: string): string {
  return serial.startsWith('PUB_KEY_ID_') ? serial : serial.toUpperCase();
}

/**
 * Believes a signed message only if: all four headers are present, the serial names a key we
 * hold, the timestamp is within five minutes of now, and the signature over
 * "TIMESTAMP\nNONCE\nBODY\n" verifies with that key. Throws WechatPaySignatureError otherwise.
 */
export function verifySignedMessage(keyring: PlatformKeyring, headers: HeaderSource, body: string, nowMs = Date.now()): SignedHeaders {
  const h = readSignedHeaders(headers);
  if (!h.timestamp || !h.nonce || !h.signature || !h.serial) {
    throw new WechatPaySignatureError('missing_headers', 'Wechatpay-Timestamp/-Nonce/-Signature/-Serial are required');
  }
  const key = keyring.get(h.serial);
  if (!key) throw new WechatPaySignatureError('unknown_serial', `no platform key with serial ${h.serial.slice(0, 64)}`);
  if (!/^\d{1,12}$/.test(h.timestamp) || Math.abs(Number(h.timestamp) - nowMs / 1000) > MAX_CLOCK_SKEW_SECONDS) {
    throw new WechatPaySignatureError('timestamp_out_of_window', `timestamp ${h.timestamp.slice(0, 20)} is more than ${MAX_CLOCK_SKEW_SECONDS} s from now`);
  }
  if (!rsaVerify(responseMessage(h.timestamp, h.nonce, body), h.signature, key)) {
    throw new WechatPaySignatureError('bad_signature', 'signature does not verify with the platform key');
  }
  return h as SignedHeaders;
}

/** The `resource` of a callback: AES-256-GCM, ciphertext = base64(encrypted || 16-byte tag). */
export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
  original_type?: string;
}

function apiV3KeyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('the APIv3 key must be 32 bytes');
  return key;
}

export function decryptResource(apiV3Key: string, resource: EncryptedResource): string {
  if (resource.algorithm !== AEAD_ALGORITHM) throw new WechatPayDecryptError(`unsupported algorithm ${String(resource.algorithm).slice(0, 32)}`);
  if (typeof resource.ciphertext !== 'string' || typeof resource.nonce !== 'string') throw new WechatPayDecryptError('ciphertext and nonce are required');
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= GCM_TAG_BYTES) throw new WechatPayDecryptError('ciphertext too short');
  try {
    const decipher = createDecipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(resource.nonce, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - GCM_TAG_BYTES));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - GCM_TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch (err) {
    // GCM refuses any change to the ciphertext, tag, nonce or associated data.
    throw new WechatPayDecryptError(`resource does not decrypt: ${(err as Error).message}`);
  }
}

export function encryptResource(apiV3Key: string, plaintext: string, associatedData: string, originalType: string, nonce = nonceString(12)): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { original_type: originalType, algorithm: AEAD_ALGORITHM, ciphertext: encrypted.toString('base64'), associated_data: associatedData, nonce };
}

/** `paySign` for wx.requestPayment: "appId\ntimeStamp\nnonceStr\npackage\n" signed with the merchant key. */
export function jsapiPaySign(appId: string, timeStamp: string, nonceStr: string, pkg: string, merchantKey: KeyObject): string {
  return rsaSign(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`, merchantKey);
}

/** PEM text (literal `\n` escapes allowed, as env files often hold them) or a path to a PEM file. */
export function readPem(value: string): string {
  const text = value.includes('-----BEGIN') ? value : fs.readFileSync(value.trim(), 'utf8');
  return text.replace(/\\n/g, '\n');
}

export function loadPrivateKey(pemOrPath: string): KeyObject {
  return createPrivateKey(readPem(pemOrPath));
}

export function loadPublicKey(pemOrPath: string): KeyObject {
  return createPublicKey(readPem(pemOrPath));
}

/** Every certificate in a PEM bundle, keyed by its serial number (what Wechatpay-Serial carries). */
export function platformKeysFromCertificates(pemBundle: string): { serial: string; key: KeyObject }[] {
  const certs = readPem(pemBundle).match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return certs.map(pem => {
    const cert = new X509Certificate(pem);
    return { serial: cert.serialNumber.toUpperCase(), key: cert.publicKey };
  });
}

/** A fresh RSA-2048 key pair and a certificate-like serial (the sandbox's keys, test keys). */
export function generateRsaKeyPair(): { privateKey: KeyObject; publicKey: KeyObject; serial: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey, serial: randomBytes(20).toString('hex').toUpperCase() };
}

/** A platform certificate as we keep it: its serial (what Wechatpay-Serial names), public key and validity. */
export interface PlatformCertificate {
  serial: string;
  publicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  pem: string;
}

/** Reads one PEM certificate; throws on anything that is not an X.509 certificate. */
export function readPlatformCertificate(pem: string): PlatformCertificate {
  const cert = new X509Certificate(pem);
  return { serial: cert.serialNumber.toUpperCase(), publicKey: cert.publicKey, notBefore: new Date(cert.validFrom), notAfter: new Date(cert.validTo), pem };
}
