import * as fs from 'fs';
import * as path from 'path';
import { createPrivateKey } from 'crypto';
import { startTestApp, TestApp } from '../helpers/test-app';
import { createOrder } from '../orders/order-fixtures';
import { confirmInSandbox, paymentWorld, PaymentWorld, repos, startPay } from './payment-fixtures';
import { platformKey } from '../../src/modules/payments/sandbox-pay-channel';
import { WechatPayV3Gateway } from '../../src/modules/payments/wechatpay-v3.gateway';
import { generateRsaKeyPair } from '../../src/modules/payments/wechatpay-crypto';

jest.setTimeout(180_000);

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('platform certificate rotation, through the callback endpoint', () => {
  let t: TestApp;
  let w: PaymentWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await paymentWorld(t);
  });
  afterAll(() => t.close());

  it('downloads the new certificate when a callback names its serial, then applies the callback', async () => {
    const gateway = w.provider.gateway as WechatPayV3Gateway;
    const oldSerial = w.channel.keys.platform.serial;
    const next = platformKey(createPrivateKey(fixture('sandbox-platform-2.key.pem')), fixture('sandbox-platform-2.cert.pem'))!;
    const order = await createOrder(t, w);
    const start = await startPay(t, w, order.id);
    // The channel rotates between the prepay and the payment: the callback carries a serial we never saw.
    w.channel.rotatePlatformKey(next);
    expect(gateway.platformSerials()).not.toContain(next.serial);
    const paid = await confirmInSandbox(t, start.sandboxPayUrl);
    expect(paid.notification).toMatchObject({ delivered: true, attempts: [{ status: 204 }] });
    expect(gateway.platformSerials()).toEqual(expect.arrayContaining([oldSerial, next.serial]));
    expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'pending_dispatch' });
  });

  it('still rejects a callback signed by a key the channel never published (the download adds nothing)', async () => {
    const order = await createOrder(t, w);
    const start = await startPay(t, w, order.id);
    const stranger = generateRsaKeyPair();
    const published = w.channel.keys.platform;
    w.channel.rotatePlatformKey({ ...stranger, certificatePem: null });
    try {
      const paid = await confirmInSandbox(t, start.sandboxPayUrl);
      expect(paid.notification.attempts).toEqual([expect.objectContaining({ status: 401 })]);
      const event = await repos(t).events.findOneOrFail({ where: {}, order: { id: 'DESC' } });
      expect(event).toMatchObject({ result: 'rejected', reason: 'unknown_serial' });
      expect(await repos(t).orders.findOneByOrFail({ id: order.id })).toMatchObject({ status: 'pending_payment' });
    } finally {
      w.channel.rotatePlatformKey(published);
    }
  });
});
