import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PaymentGatewayProvider } from './payment-gateway.provider';
import { SandboxPayGateway } from './sandbox-pay.gateway';
import { WechatPayV3Gateway } from './wechatpay-v3.gateway';
import { generateRsaKeyPair, signAsPlatform } from './wechatpay-crypto';
import { loadSettings } from '../../config/settings';

function providerWith(env: Record<string, string>, appEnv = 'local'): PaymentGatewayProvider {
  const provider = new PaymentGatewayProvider();
  provider.settings = loadSettings(env, appEnv);
  return provider;
}

describe('the configured payment gateway', () => {
  const merchant = generateRsaKeyPair();
  const wechatKey = generateRsaKeyPair();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxpay-'));
  const keyFile = path.join(dir, 'apiclient_key.pem');
  fs.writeFileSync(keyFile, merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const publicKeyPem = String(wechatKey.publicKey.export({ type: 'spki', format: 'pem' }));
  const wechatEnv = {
    PAYMENT_PROVIDER: 'wechat',
    WECHATPAY_MCH_ID: '1900000109',
    WECHATPAY_APP_ID: 'wxd678efh567hg6787',
    WECHATPAY_MCH_SERIAL: merchant.serial,
    WECHATPAY_PRIVATE_KEY: keyFile,
    WECHATPAY_APIV3_KEY: 'b'.repeat(32),
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000001234567890123456789AB',
    // As an env file holds it: one line with literal \n.
    WECHATPAY_PUBLIC_KEY: publicKeyPem.replace(/\n/g, '\\n'),
    WECHATPAY_NOTIFY_URL: 'https://escort.example.com/api/open/payments/wechat/notify',
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is the WeChat Pay v3 adapter with WECHATPAY_* (key from a file, public key from an escaped env value)', () => {
    const gateway = providerWith(wechatEnv).gateway;
    expect(gateway).toBeInstanceOf(WechatPayV3Gateway);
    expect(gateway).not.toBeInstanceOf(SandboxPayGateway);
    expect(gateway).toMatchObject({ channel: 'wechat', mchId: '1900000109', appId: 'wxd678efh567hg6787' });
    // It believes callbacks signed by the WeChat Pay key named by its id, and nothing else.
    const body = '{"id":"x"}';
    const s = signAsPlatform({ serial: wechatEnv.WECHATPAY_PUBLIC_KEY_ID, privateKey: wechatKey.privateKey }, body);
    const headers = { 'Wechatpay-Timestamp': s.timestamp, 'Wechatpay-Nonce': s.nonce, 'Wechatpay-Signature': s.signature, 'Wechatpay-Serial': s.serial };
    expect(() => gateway.verifyNotification({ headers, body })).toThrow(expect.objectContaining({ reason: 'malformed_body' }));
    expect(() => gateway.verifyNotification({ headers: { ...headers, 'Wechatpay-Serial': 'OTHER' }, body })).toThrow(expect.objectContaining({ reason: 'unknown_serial' }));
    expect(providerWith(wechatEnv).sandbox).toBeNull();
  });

  it('fails at start, naming what is wrong, when WeChat Pay is half configured', () => {
    const provider = providerWith({ ...wechatEnv, WECHATPAY_APIV3_KEY: 'short', WECHATPAY_PUBLIC_KEY: '' });
    expect(() => provider.checkOnStart()).toThrow(/WECHATPAY_APIV3_KEY[\s\S]*WECHATPAY_PLATFORM_CERTS/);
    expect(() => providerWith({ PAYMENT_PROVIDER: 'alipay' }).gateway).toThrow(/unknown/);
  });

  it('is the sandbox by default, never in production', () => {
    const provider = providerWith({});
    expect(provider.gateway).toBeInstanceOf(SandboxPayGateway);
    expect(provider.gateway.channel).toBe('sandbox');
    expect(provider.sandbox?.keys.mchId).toBe('1900000109');
    provider.close();
    const production = providerWith({}, 'production');
    expect(production.sandbox).toBeNull();
    expect(() => production.gateway).toThrow(/never runs in production/);
  });
});
