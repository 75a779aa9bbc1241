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
      notifyUrl: urls.notifyUrl,
      refundNotifyUrl: urls.refundNotifyUrl,
    });
  }
}
