import { createVerify, KeyObject, randomBytes, sign } from 'crypto';
import {
  authorizationHeader,
  decryptResource,
  encryptResource,
  generateRsaKeyPair,
  jsapiPaySign,
  parseAuthorization,
  PlatformKeyring,
  platformKeysFromCertificates,
  requestMessage,
  responseMessage,
  rsaVerify,
  signAsPlatform,
  signRequest,
  verifySignedMessage,
  WechatPayDecryptError,
  WechatPaySignatureError,
} from './wechatpay-crypto';

// Keys made once for this file: nothing here depends on a key from outside the test.
const merchant = generateRsaKeyPair();
const platform = generateRsaKeyPair();
const stranger = generateRsaKeyPair();
const APIV3_KEY = randomBytes(16).toString('hex'); // 32 characters, like WeChat's
const NOW = Date.UTC(2026, 10, 24, 1, 30, 0);

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof WechatPaySignatureError) return err.reason;
    throw err;
  }
  return 'accepted';
}

describe('request signing (merchant → WeChat)', () => {
  const m = { mchId: '1900000109', serialNo: merchant.serial, privateKey: merchant.privateKey };

  it('builds the WECHATPAY2-SHA256-RSA2048 Authorization header with the five named parts', () => {
    const header = signRequest(m, 'POST', '/v3/pay/transactions/jsapi', '{"a":1}', NOW, 'NONCE123');
    expect(header).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="NONCE123",signature="[A-Za-z0-9+/=]{344}",timestamp="\d{10}",serial_no="[0-9A-F]{40}"$/);
    const parts = parseAuthorization(header)!;
    expect(parts).toMatchObject({ mchid: '1900000109', nonce_str: 'NONCE123', timestamp: String(NOW / 1000), serial_no: merchant.serial });
  });

  it('signs "METHOD\\nURL\\nTIMESTAMP\\nNONCE\\nBODY\\n" with SHA256withRSA, verifiable with the merchant public key', () => {
    const body = '{"out_trade_no":"PZ2611240931004217-01"}';
    const parts = parseAuthorization(signRequest(m, 'POST', '/v3/pay/transactions/jsapi', body, NOW, 'abc'))!;
    const message = `POST\n/v3/pay/transactions/jsapi\n${NOW / 1000}\nabc\n${body}\n`;
    expect(requestMessage('post', '/v3/pay/transactions/jsapi', String(NOW / 1000), 'abc', body)).toBe(message);
    expect(createVerify('RSA-SHA256').update(message).verify(merchant.publicKey, parts.signature, 'base64')).toBe(true);
    // GET requests sign an empty body, with the query as part of the URL.
    const get = parseAuthorization(signRequest(m, 'GET', '/v3/refund/domestic/refunds/R1?x=1', '', NOW, 'n2'))!;
    expect(rsaVerify(`GET\n/v3/refund/domestic/refunds/R1?x=1\n${NOW / 1000}\nn2\n\n`, get.signature, merchant.publicKey)).toBe(true);
    expect(rsaVerify(message.replace('PZ', 'PX'), parts.signature, merchant.publicKey)).toBe(false);
  });

  it('reads back only well-formed Authorization headers', () => {
    const good = authorizationHeader({ mchid: '1', nonce_str: 'n', timestamp: '1', serial_no: 'S', signature: 'x' });
    expect(parseAuthorization(good)).not.toBeNull();
    expect(parseAuthorization(good.replace('WECHATPAY2-SHA256-RSA2048', 'Bearer'))).toBeNull();
    expect(parseAuthorization(good.replace(',serial_no="S"', ''))).toBeNull();
    expect(parseAuthorization(undefined)).toBeNull();
  });
});

describe('verifying what WeChat signs (answers and callbacks)', () => {
  const keyring = new PlatformKeyring([{ serial: platform.serial, key: platform.publicKey }]);
  const body = '{"id":"EV-1","resource":{}}';
  const signed = (overrides: Record<string, string> = {}, at = NOW) => {
    const s = signAsPlatform({ serial: platform.serial, privateKey: platform.privateKey }, body, at, 'nonceNONCEnonce');
    return { 'wechatpay-timestamp': s.timestamp, 'wechatpay-nonce': s.nonce, 'wechatpay-signature': s.signature, 'wechatpay-serial': s.serial, ...overrides };
  };

  it('accepts a body signed by the platform key its serial names, within five minutes', () => {
    expect(verifySignedMessage(keyring, signed(), body, NOW).serial).toBe(platform.serial);
    expect(verifySignedMessage(keyring, signed(), body, NOW + 299_000).serial).toBe(platform.serial);
    // Header names in any case, and the serial in lower case, still match.
    const h = signed();
    expect(() => verifySignedMessage(keyring, { 'Wechatpay-Timestamp': h['wechatpay-timestamp'], 'WECHATPAY-NONCE': h['wechatpay-nonce'], 'Wechatpay-Signature': h['wechatpay-signature'], 'Wechatpay-Serial': h['wechatpay-serial'].toLowerCase() }, body, NOW)).not.toThrow();
  });

  it('signs "TIMESTAMP\\nNONCE\\nBODY\\n"', () => {
    const h = signed();
    expect(rsaVerify(responseMessage(h['wechatpay-timestamp'], h['wechatpay-nonce'], body), h['wechatpay-signature'], platform.publicKey)).toBe(true);
  });

  it('refuses a changed body, another key, an unknown serial, a stale or future timestamp, missing headers', () => {
    expect(reasonOf(() => verifySignedMessage(keyring, signed(), body.replace('EV-1', 'EV-2'), NOW))).toBe('bad_signature');
    const forged = signAsPlatform({ serial: platform.serial, privateKey: stranger.privateKey }, body, NOW);
    expect(reasonOf(() => verifySignedMessage(keyring, signed({ 'wechatpay-signature': forged.signature, 'wechatpay-nonce': forged.nonce }), body, NOW))).toBe('bad_signature');
    expect(reasonOf(() => verifySignedMessage(keyring, signed({ 'wechatpay-serial': stranger.serial }), body, NOW))).toBe('unknown_serial');
    expect(reasonOf(() => verifySignedMessage(keyring, signed({}, NOW - 301_000), body, NOW))).toBe('timestamp_out_of_window');
    expect(reasonOf(() => verifySignedMessage(keyring, signed({}, NOW + 301_000), body, NOW))).toBe('timestamp_out_of_window');
    expect(reasonOf(() => verifySignedMessage(keyring, signed({ 'wechatpay-timestamp': 'soon' }), body, NOW))).toBe('timestamp_out_of_window');
    const { 'wechatpay-signature': _dropped, ...unsigned } = signed();
    expect(reasonOf(() => verifySignedMessage(keyring, unsigned, body, NOW))).toBe('missing_headers');
    expect(reasonOf(() => verifySignedMessage(keyring, signed({ 'wechatpay-signature': 'bm90IGEgc2lnbmF0dXJl' }), body, NOW))).toBe('bad_signature');
  });

  it('verifies with a WeChat Pay public key chosen by its PUB_KEY_ID_ serial', () => {
    const id = 'PUB_KEY_ID_0119000001234567890123456789AB';
    const ring = new PlatformKeyring([{ serial: id, key: platform.publicKey }]);
    const s = signAsPlatform({ serial: id, privateKey: platform.privateKey }, body, NOW);
    const headers = { 'wechatpay-timestamp': s.timestamp, 'wechatpay-nonce': s.nonce, 'wechatpay-signature': s.signature, 'wechatpay-serial': id };
    expect(verifySignedMessage(ring, headers, body, NOW).serial).toBe(id);
    expect(reasonOf(() => verifySignedMessage(ring, { ...headers, 'wechatpay-serial': id.replace('AB', 'AC') }, body, NOW))).toBe('unknown_serial');
  });

  it('takes platform keys and serials from X.509 certificates', () => {
    const serialHex = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
    const pem = selfSignedCertificate(platform.privateKey, platform.publicKey, serialHex);
    const [entry] = platformKeysFromCertificates(`${pem}\n${selfSignedCertificate(stranger.privateKey, stranger.publicKey, '01')}`);
    expect(entry.serial).toBe(serialHex);
    const ring = new PlatformKeyring(platformKeysFromCertificates(pem));
    const s = signAsPlatform({ serial: serialHex, privateKey: platform.privateKey }, body, NOW);
    expect(() => verifySignedMessage(ring, { 'wechatpay-timestamp': s.timestamp, 'wechatpay-nonce': s.nonce, 'wechatpay-signature': s.signature, 'wechatpay-serial': serialHex }, body, NOW)).not.toThrow();
    expect(() => new PlatformKeyring([{ serial: 'X', key: platform.privateKey }])).toThrow(/public key/);
  });
});

describe('callback resource decryption (AEAD_AES_256_GCM with the APIv3 key)', () => {
  const plaintext = JSON.stringify({ out_trade_no: 'PZ2611240931004217-01', amount: { total: 19900 } });
  const resource = encryptResource(APIV3_KEY, plaintext, 'transaction', 'transaction', 'abcdefghijkl');

  it('decrypts base64(ciphertext || tag) with the 12-character nonce and the associated data', () => {
    expect(resource).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', nonce: 'abcdefghijkl', associated_data: 'transaction', original_type: 'transaction' });
    expect(Buffer.from(resource.ciphertext, 'base64').length).toBe(Buffer.byteLength(plaintext) + 16);
    expect(decryptResource(APIV3_KEY, resource)).toBe(plaintext);
  });

  const flip = (b64: string, index: number) => {
    const bytes = Buffer.from(b64, 'base64');
    bytes[index < 0 ? bytes.length + index : index] ^= 0x01;
    return bytes.toString('base64');
  };
  const fails = (fn: () => unknown) => expect(fn).toThrow(WechatPayDecryptError);

  it('refuses a changed ciphertext, tag, nonce, associated data, key or algorithm', () => {
    fails(() => decryptResource(APIV3_KEY, { ...resource, ciphertext: flip(resource.ciphertext, 3) }));
    fails(() => decryptResource(APIV3_KEY, { ...resource, ciphertext: flip(resource.ciphertext, -1) }));
    fails(() => decryptResource(APIV3_KEY, { ...resource, nonce: 'abcdefghijkm' }));
    fails(() => decryptResource(APIV3_KEY, { ...resource, associated_data: 'refund' }));
    fails(() => decryptResource(randomBytes(16).toString('hex'), resource));
    fails(() => decryptResource(APIV3_KEY, { ...resource, algorithm: 'AES_128_CBC' }));
    fails(() => decryptResource(APIV3_KEY, { ...resource, ciphertext: 'AAAA' }));
  });

  it('needs a 32-byte APIv3 key', () => {
    expect(() => encryptResource('short', plaintext, 'transaction', 'transaction')).toThrow(/32 bytes/);
  });
});

describe('the JSAPI paySign', () => {
  it('signs "appId\\ntimeStamp\\nnonceStr\\npackage\\n" with the merchant key', () => {
    const paySign = jsapiPaySign('wx8888888888888888', '1414561699', '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', 'prepay_id=wx201410272009395522657a690389285100', merchant.privateKey);
    const message = 'wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n';
    expect(rsaVerify(message, paySign, merchant.publicKey)).toBe(true);
  });
});

/**
 * A minimal self-signed X.509 v3 certificate, DER-encoded by hand so the test needs no openssl:
 * enough for Node's X509Certificate to read the serial number and the public key.
 */
function selfSignedCertificate(privateKey: KeyObject, publicKey: KeyObject, serialHex: string): string {
  const len = (n: number) => (n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]));
  const tlv = (tag: number, ...content: Buffer[]) => {
    const body = Buffer.concat(content);
    return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
  };
  const seq = (...c: Buffer[]) => tlv(0x30, ...c);
  const serialBytes = Buffer.from(serialHex.length % 2 ? `0${serialHex}` : serialHex, 'hex');
  const serial = tlv(0x02, serialBytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), serialBytes]) : serialBytes);
  const sha256WithRsa = seq(tlv(0x06, Buffer.from('2a864886f70d01010b', 'hex')), Buffer.from([0x05, 0x00]));
  const name = seq(tlv(0x31, seq(tlv(0x06, Buffer.from('550403', 'hex')), tlv(0x0c, Buffer.from('Sandbox WeChat Pay Platform')))));
  const validity = seq(tlv(0x17, Buffer.from('250101000000Z')), tlv(0x17, Buffer.from('350101000000Z')));
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const tbs = seq(tlv(0xa0, tlv(0x02, Buffer.from([2]))), serial, sha256WithRsa, name, validity, name, spki);
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, sha256WithRsa, tlv(0x03, Buffer.from([0]), signature));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64.trim()}\n-----END CERTIFICATE-----`;
}
