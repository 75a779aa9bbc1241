import * as fs from 'fs';
import * as path from 'path';
import { createPrivateKey } from 'crypto';
import { GatewayError, NotificationRejectedError } from './payment-gateway';
import { platformKey, SandboxPayChannel, sandboxKeys } from './sandbox-pay-channel';
import { SANDBOX_PLATFORM_CERTIFICATE } from './sandbox-platform-certificate';
import { WechatPayV3Gateway, WechatPayV3Options } from './wechatpay-v3.gateway';
import { generateRsaKeyPair, PlatformKeyring, readPlatformCertificate } from './wechatpay-crypto';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../../test/payments/fixtures', name), 'utf8');
const secondCertificate = () => platformKey(createPrivateKey(fixture('sandbox-platform-2.key.pem')), fixture('sandbox-platform-2.cert.pem'))!;

describe('platform certificates: GET /v3/certificates against the sandbox', () => {
  let channel: SandboxPayChannel;
  let now: number;

  beforeEach(() => {
    channel = new SandboxPayChannel(sandboxKeys({ mchId: '1900000109', appId: 'wxd678efh567hg6787' }), { transport: async () => ({ status: 204, body: '' }), retryDelaysMs: [] });
    now = Date.now();
  });
  afterEach(() => channel.close());

  /** A merchant that knows no platform key yet: everything it believes must come from the download. */
  const merchant = (overrides: Partial<WechatPayV3Options> = {}) =>
    new WechatPayV3Gateway({
      channel: 'sandbox',
      mchId: channel.keys.mchId,
      appId: channel.keys.appId,
      mchSerial: channel.keys.merchant.serial,
      merchantPrivateKey: channel.keys.merchant.privateKey,
      apiV3Key: channel.keys.apiV3Key,
      platformKeys: new PlatformKeyring(),
      notifyUrl: 'https://pay.example.com/notify',
      refundNotifyUrl: 'https://pay.example.com/refund-notify',
      fetch: channel.fetch,
      requirePayerOpenid: false,
      certificateDownload: true,
      now: () => now,
      ...overrides,
    });

  it('serves the shipped sandbox certificate, whose serial is what the sandbox signs with', () => {
    const cert = readPlatformCertificate(SANDBOX_PLATFORM_CERTIFICATE);
    expect(channel.keys.platform.serial).toBe(cert.serial);
    expect(cert.serial).toMatch(/^[0-9A-F]{32}$/);
    expect(cert.publicKey.equals(channel.keys.platform.publicKey)).toBe(true);
  });

  it('bootstraps from no key at all: decrypts the certificate with the APIv3 key, verifies the answer with it, keeps it by serial', async () => {
    const gateway = merchant();
    expect(gateway.platformSerials()).toEqual([]);
    const result = await gateway.downloadPlatformCertificates();
    expect(result.added).toEqual([channel.keys.platform.serial]);
    expect(result.certificates[0].notAfter.getTime()).toBeGreaterThan(now);
    expect(gateway.platformSerials()).toEqual([channel.keys.platform.serial]);
    // The request was signed as the merchant (the sandbox refuses anything else with 401).
    expect(channel.requests.at(-1)).toMatchObject({ method: 'GET', url: '/v3/certificates' });
    // Now ordinary answers verify with the downloaded key.
    await gateway.prepayJsapi({ outTradeNo: 'PZ-CERT-0001', description: 'x', amountFen: 100, payerOpenid: null, expiresAt: new Date(now + 600_000) });
    expect(await gateway.queryByOutTradeNo('PZ-CERT-0001')).toMatchObject({ tradeState: 'NOTPAY', totalFen: 100 });
  });

  it('without a downloaded key, an ordinary answer is not believed', async () => {
    await expect(merchant().prepayJsapi({ outTradeNo: 'PZ-CERT-0002', description: 'x', amountFen: 100, payerOpenid: null, expiresAt: new Date(now + 600_000) })).rejects.toMatchObject({ code: 'ANSWER_SIGNATURE_INVALID', retryable: true });
  });

  it('refuses certificates that do not decrypt with our APIv3 key, and keeps nothing', async () => {
    const gateway = merchant({ apiV3Key: 'x'.repeat(32) });
    const err = await gateway.downloadPlatformCertificates().catch(e => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ code: 'CERTIFICATE_INVALID', retryable: false });
    expect(gateway.platformSerials()).toEqual([]);
  });

  it('refuses a listing whose serial_no is not the certificate’s own serial', async () => {
    channel.certificates[0] = { ...channel.certificates[0], serial: 'ABCDEF0123456789' };
    const gateway = merchant();
    await expect(gateway.downloadPlatformCertificates()).rejects.toMatchObject({ code: 'CERTIFICATE_INVALID' });
    expect(gateway.platformSerials()).toEqual([]);
  });

  it('refuses a listing signed by a key that is neither known nor among the certificates', async () => {
    const stranger = generateRsaKeyPair();
    channel.rotatePlatformKey({ ...stranger, certificatePem: null });
    const gateway = merchant();
    await expect(gateway.downloadPlatformCertificates()).rejects.toMatchObject({ code: 'ANSWER_SIGNATURE_INVALID' });
    expect(gateway.platformSerials()).toEqual([]);
  });

  it('downloads again at most once a minute for unknown serials, and whenever asked with a shorter interval', async () => {
    const gateway = merchant();
    expect(await gateway.refreshPlatformCertificates()).not.toBeNull();
    now += 30_000;
    expect(await gateway.refreshPlatformCertificates()).toBeNull();
    now += 31_000;
    expect(await gateway.refreshPlatformCertificates()).toMatchObject({ added: [] });
    expect(await gateway.refreshPlatformCertificates(0)).not.toBeNull();
    const off = merchant({ certificateDownload: false, platformKeys: new PlatformKeyring([{ serial: channel.keys.platform.serial, key: channel.keys.platform.publicKey }]) });
    expect(await off.refreshPlatformCertificates(0)).toBeNull();
  });

  it('follows a rotation: a callback signed with a new certificate is unknown until the download, and the old serial still verifies', async () => {
    const gateway = merchant();
    await gateway.downloadPlatformCertificates();
    const oldSerial = channel.keys.platform.serial;
    const before = channel.notification('transaction', { out_trade_no: 'PZ-1', appid: channel.keys.appId, mchid: channel.keys.mchId, trade_state: 'SUCCESS', amount: { total: 1, currency: 'CNY' } });
    const next = secondCertificate();
    channel.rotatePlatformKey(next);
    const after = channel.notification('transaction', { out_trade_no: 'PZ-2', appid: channel.keys.appId, mchid: channel.keys.mchId, trade_state: 'SUCCESS', amount: { total: 1, currency: 'CNY' } });
    expect(after.headers['Wechatpay-Serial']).toBe(next.serial);
    let err: unknown;
    try {
      gateway.verifyNotification(after, now);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NotificationRejectedError);
    expect((err as NotificationRejectedError).reason).toBe('unknown_serial');

    now += 61_000;
    const refreshed = await gateway.refreshPlatformCertificates();
    expect(refreshed?.added).toEqual([next.serial]);
    expect(gateway.platformSerials().sort()).toEqual([oldSerial, next.serial].sort());
    expect(gateway.verifyNotification(after, Date.now())).toMatchObject({ kind: 'transaction', serial: next.serial });
    expect(gateway.verifyNotification(before, Date.now())).toMatchObject({ serial: oldSerial });
  });
});
