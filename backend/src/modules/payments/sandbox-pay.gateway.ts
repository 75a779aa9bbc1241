import { SandboxPayChannel } from './sandbox-pay-channel';
import { WechatPayV3Gateway } from './wechatpay-v3.gateway';
import { PlatformKeyring } from './wechatpay-crypto';

/**
 * The WeChat Pay v3 adapter, unchanged, talking to the in-process sandbox channel: requests are
 * signed with the sandbox merchant key, answers and callbacks verified with the sandbox platform
 * key by the very code that verifies WeChat's.
 */
export class SandboxPayGateway extends WechatPayV3Gateway {
  constructor(
    readonly sandbox: SandboxPayChannel,
    urls: { notifyUrl: string; refundNotifyUrl: string }
  ) {
    super({
      channel: 'sandbox',
      mchId: sandbox.keys.mchId,
      appId: sandbox.keys.appId,
      mchSerial: sandbox.keys.merchant.serial,
      merchantPrivateKey: sandbox.keys.merchant.privateKey,
      apiV3Key: sandbox.keys.apiV3Key,
      platformKeys: new PlatformKeyring([{ serial: sandbox.keys.platform.serial, key: sandbox.keys.platform.publicKey }]),
      // Never resolved: the sandbox's fetch answers in process.
      baseUrl: 'https://sandbox-pay.invalid',
      fetch: sandbox.fetch,
      requirePayerOpenid: false,
      // The sandbox serves GET /v3/certificates with its own certificate: the same download and rotation path as WeChat.
      // (Only when it has a certificate: a bare key from SANDBOX_PAY_PLATFORM_PRIVATE_KEY has none to serve.)
      certificateDownload: sandbox.certificates.length > 0,
      notifyUrl: urls.notifyUrl,
      refundNotifyUrl: urls.refundNotifyUrl,
    });
  }
}
