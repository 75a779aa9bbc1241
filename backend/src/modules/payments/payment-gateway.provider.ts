import { Config, Destroy, ILogger, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { PaymentGateway } from './payment-gateway';
import { WechatPayV3Gateway } from './wechatpay-v3.gateway';
import { SandboxPayGateway } from './sandbox-pay.gateway';
import { SandboxPayChannel, sandboxKeys } from './sandbox-pay-channel';
import { loadPrivateKey, loadPublicKey, PlatformKeyring, platformKeysFromCertificates, readPem } from './wechatpay-crypto';
import { AppSettings, wechatPayProblems } from '../../config/settings';

const isProduction = (env: string) => env === 'production' || env === 'prod';

/**
 * Builds the configured gateway once: WeChat Pay v3 from WECHATPAY_* (checked at start, so a bad
 * key fails the boot rather than the first payment), or the sandbox channel and its gateway,
 * created on first use (generating two RSA keys costs a little and most processes never pay).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PaymentGatewayProvider {
  @Config('app')
  settings: AppSettings;

  @Logger()
  logger: ILogger;

  private current: PaymentGateway | null = null;
  private channel: SandboxPayChannel | null = null;

  get gateway(): PaymentGateway {
    if (!this.current) this.current = this.build();
    return this.current;
  }

  /** The sandbox channel, or null unless PAYMENT_PROVIDER=sandbox outside production. */
  get sandbox(): SandboxPayChannel | null {
    if (!this.sandboxEnabled) return null;
    void this.gateway;
    return this.channel;
  }

  get sandboxEnabled(): boolean {
    return this.settings.paymentProvider === 'sandbox' && !isProduction(this.settings.env);
  }

  /** Fails fast on a bad WeChat Pay configuration, and starts the first platform certificate download. */
  checkOnStart(): void {
    if (this.settings.paymentProvider !== 'wechat') return;
    const gateway = this.gateway;
    gateway.refreshPlatformCertificates?.(0).then(
      r => r && this.logger.info('[payments] platform certificates: %s', r.certificates.map(c => `${c.serial} until ${c.notAfter.toISOString()}`).join(', ')),
      err => this.logger.error('[payments] platform certificate download failed (retried by the job and on the first callback): %s', err)
    );
  }

  private build(): PaymentGateway {
    const s = this.settings;
    if (s.paymentProvider === 'wechat') {
      const w = s.wechatPay;
      const problems = wechatPayProblems(w);
      if (problems.length) throw new Error(`WeChat Pay is not configured:\n - ${problems.join('\n - ')}`);
      const keyring = new PlatformKeyring(w.platformCerts ? platformKeysFromCertificates(w.platformCerts) : []);
      if (w.publicKeyId) keyring.add(w.publicKeyId, loadPublicKey(w.publicKey));
      return new WechatPayV3Gateway({
        channel: 'wechat',
        mchId: w.mchId,
        appId: w.appId,
        mchSerial: w.mchSerial,
        merchantPrivateKey: loadPrivateKey(w.privateKey),
        apiV3Key: w.apiV3Key,
        platformKeys: keyring,
        notifyUrl: w.notifyUrl,
        refundNotifyUrl: w.refundNotifyUrl,
        baseUrl: w.baseUrl,
        requestSerial: w.publicKeyId || undefined,
        certificateDownload: w.certificateDownload,
      });
    }
    if (s.paymentProvider !== 'sandbox') throw new Error(`PAYMENT_PROVIDER=${String(s.paymentProvider)} is unknown (sandbox or wechat)`);
    if (isProduction(s.env)) throw new Error('the payment sandbox never runs in production');
    const keys = sandboxKeys({
      mchId: /^\d{8,12}$/.test(s.wechatPay.mchId) ? s.wechatPay.mchId : '1900000109',
      appId: s.wechatPay.appId,
      apiV3Key: s.sandboxPay.apiV3Key || undefined,
      platformKey: s.sandboxPay.platformPrivateKey ? loadPrivateKey(s.sandboxPay.platformPrivateKey) : undefined,
      platformCertificatePem: s.sandboxPay.platformCert ? readPem(s.sandboxPay.platformCert) : undefined,
      merchantKey: s.sandboxPay.merchantPrivateKey ? loadPrivateKey(s.sandboxPay.merchantPrivateKey) : undefined,
    });
    this.channel = new SandboxPayChannel(keys, { refundMode: s.sandboxPay.refunds });
    return new SandboxPayGateway(this.channel, { notifyUrl: s.wechatPay.notifyUrl, refundNotifyUrl: s.wechatPay.refundNotifyUrl });
  }

  /** Tests swap in a gateway of their own (a WechatPayV3Gateway with a stubbed fetch, say). */
  use(gateway: PaymentGateway): void {
    this.current = gateway;
  }

  @Destroy()
  close(): void {
    this.channel?.close();
  }
}
