import { GatewayError, NotificationRejectedError } from './payment-gateway';
import { SandboxPayChannel, sandboxKeys } from './sandbox-pay-channel';
import { FetchLike, rfc3339Shanghai, WechatPayV3Gateway, WechatPayV3Options } from './wechatpay-v3.gateway';
import { encryptResource, generateRsaKeyPair, parseAuthorization, PlatformKeyring, requestMessage, rsaVerify, signAsPlatform } from './wechatpay-crypto';

const AUTHORIZATION = /^WECHATPAY2-SHA256-RSA2048 mchid="(\d+)",nonce_str="([A-Za-z0-9]{32})",signature="([A-Za-z0-9+/=]+)",timestamp="(\d{10})",serial_no="([0-9A-F]+)"$/;

describe('WechatPayV3Gateway against the sandbox keys', () => {
  const keys = sandboxKeys({ mchId: '1900000109', appId: 'wxd678efh567hg6787' });
  let channel: SandboxPayChannel;
  let callbacks: { url: string; headers: Record<string, string>; body: string }[];
  let seen: { method: string; url: string; headers: Record<string, string>; body?: string }[];

  /** The HTTP client: checks every request's Authorization like WeChat would, then lets the sandbox answer. */
  const checkingFetch: FetchLike = async (url, init) => {
    seen.push({ method: init.method, url, headers: init.headers, body: init.body });
    const auth = AUTHORIZATION.exec(init.headers.Authorization);
    if (!auth) throw new Error(`Authorization header malformed: ${init.headers.Authorization}`);
    const [, mchid, nonce, signature, timestamp, serial] = auth;
    expect(mchid).toBe(keys.mchId);
    expect(serial).toBe(keys.merchant.serial);
    const u = new URL(url);
    expect(rsaVerify(requestMessage(init.method, `${u.pathname}${u.search}`, timestamp, nonce, init.body ?? ''), signature, keys.merchant.publicKey)).toBe(true);
    return channel.fetch(url, init);
  };

  const gateway = (overrides: Partial<WechatPayV3Options> = {}) =>
    new WechatPayV3Gateway({
      mchId: keys.mchId,
      appId: keys.appId,
      mchSerial: keys.merchant.serial,
      merchantPrivateKey: keys.merchant.privateKey,
      apiV3Key: keys.apiV3Key,
      platformKeys: new PlatformKeyring([{ serial: keys.platform.serial, key: keys.platform.publicKey }]),
      notifyUrl: 'https://pay.example.com/api/open/payments/wechat/notify',
      refundNotifyUrl: 'https://pay.example.com/api/open/payments/wechat/refund-notify',
      baseUrl: 'https://api.mch.weixin.qq.com',
      fetch: checkingFetch,
      ...overrides,
    });

  const prepayInput = (outTradeNo: string, amountFen = 19900) => ({
    outTradeNo,
    description: '门诊陪诊（半天） PZ2611240931004217',
    amountFen,
    payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    expiresAt: new Date(Date.now() + 15 * 60_000),
  });

  beforeEach(() => {
    callbacks = [];
    seen = [];
    channel = new SandboxPayChannel(keys, {
      refundMode: 'manual',
      retryDelaysMs: [],
      transport: async (url, req) => {
        callbacks.push({ url, ...req });
        return { status: 204, body: '' };
      },
    });
  });
  afterEach(() => channel.close());

  it('prepays a JSAPI transaction with a signed request and returns wx.requestPayment parameters signed by the merchant', async () => {
    const g = gateway();
    const result = await g.prepayJsapi(prepayInput('PZ2611240931004217-01'));
    expect(result.prepayId).toMatch(/^wx/);
    const p = result.params;
    expect(p).toMatchObject({ appId: keys.appId, package: `prepay_id=${result.prepayId}`, signType: 'RSA' });
    expect(p.timeStamp).toMatch(/^\d{10}$/);
    expect(p.nonceStr).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(rsaVerify(`${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`, p.paySign, keys.merchant.publicKey)).toBe(true);

    expect(seen[0]).toMatchObject({ method: 'POST', url: 'https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi' });
    expect(seen[0].headers).toMatchObject({ 'Content-Type': 'application/json', Accept: 'application/json' });
    const body = JSON.parse(seen[0].body!);
    expect(body).toMatchObject({ appid: keys.appId, mchid: keys.mchId, out_trade_no: 'PZ2611240931004217-01', amount: { total: 19900, currency: 'CNY' }, payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' } });
    expect(body.time_expire).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(body.notify_url).toBe('https://pay.example.com/api/open/payments/wechat/notify');

    // The same number and content again: the same prepay id (what makes "pay" taps repeatable).
    expect((await g.prepayJsapi(prepayInput('PZ2611240931004217-01'))).prepayId).toBe(result.prepayId);
  });

  it('signs the path as the server sees it when the base URL has a path of its own, and sends Wechatpay-Serial when a public key id is used', async () => {
    const g = gateway({ baseUrl: 'https://proxy.example.com/wxpay/', requestSerial: 'PUB_KEY_ID_0100' });
    await g.prepayJsapi(prepayInput('PZ2611240931004217-02'));
    expect(seen[0].url).toBe('https://proxy.example.com/wxpay/v3/pay/transactions/jsapi');
    expect(seen[0].headers['Wechatpay-Serial']).toBe('PUB_KEY_ID_0100');
  });

  it('queries, closes, refunds and queries refunds, believing only signed answers', async () => {
    const g = gateway();
    expect(await g.queryByOutTradeNo('PZ0000000000000000-01')).toBeNull();
    const { prepayId } = await g.prepayJsapi(prepayInput('PZ2611240931004217-03', 5000));
    expect(seen.at(-1)!.url).toContain('/v3/pay/transactions/jsapi');
    expect(await g.queryByOutTradeNo('PZ2611240931004217-03')).toMatchObject({ tradeState: 'NOTPAY', totalFen: 5000, transactionId: null });
    expect(seen.at(-1)!.url).toBe('https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/PZ2611240931004217-03?mchid=1900000109');

    await channel.pay(prepayId);
    const paid = await g.queryByOutTradeNo('PZ2611240931004217-03');
    expect(paid).toMatchObject({ tradeState: 'SUCCESS', totalFen: 5000, currency: 'CNY', mchId: keys.mchId, appId: keys.appId, payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' });
    expect(paid!.transactionId).toMatch(/^4200\d{24}$/);
    expect(paid!.successTime).toBeInstanceOf(Date);
    await expect(g.close('PZ2611240931004217-03')).rejects.toMatchObject({ code: 'ORDERPAID', retryable: false });

    const refund = await g.refund({ outTradeNo: 'PZ2611240931004217-03', transactionId: paid!.transactionId, outRefundNo: 'PZ2611240931004217-03-R01', amountFen: 2000, totalFen: 5000, reason: '部分退款' });
    expect(refund).toMatchObject({ status: 'PROCESSING', amountFen: 2000, totalFen: 5000, outTradeNo: 'PZ2611240931004217-03' });
    expect(JSON.parse(seen.at(-1)!.body!)).toMatchObject({ transaction_id: paid!.transactionId, out_refund_no: 'PZ2611240931004217-03-R01', amount: { refund: 2000, total: 5000, currency: 'CNY' }, notify_url: 'https://pay.example.com/api/open/payments/wechat/refund-notify' });
    await expect(g.refund({ outTradeNo: 'PZ2611240931004217-03', transactionId: null, outRefundNo: 'PZ2611240931004217-03-R02', amountFen: 3001, totalFen: 5000, reason: '' })).rejects.toMatchObject({ code: 'INVALID_REQUEST', retryable: false, httpStatus: 400 });
    expect(await g.queryRefund('PZ2611240931004217-03-R01')).toMatchObject({ status: 'PROCESSING', refundId: refund.refundId });
    expect(await g.queryRefund('nope-R01')).toBeNull();

    const { prepayId: other } = await g.prepayJsapi(prepayInput('PZ2611240931004217-04'));
    expect(other).not.toBe(prepayId);
    await g.close('PZ2611240931004217-04');
    expect(await g.queryByOutTradeNo('PZ2611240931004217-04')).toMatchObject({ tradeState: 'CLOSED' });
  });

  it('does not believe an answer whose signature does not verify, and calls network trouble retryable', async () => {
    const tampering = gateway({
      fetch: async (url, init) => {
        const res = await channel.fetch(url, init);
        const text = (await res.text()).replace('wx', 'wy');
        return { status: res.status, headers: res.headers, text: async () => text };
      },
    });
    await expect(tampering.prepayJsapi(prepayInput('PZ2611240931004217-05'))).rejects.toMatchObject({ code: 'ANSWER_SIGNATURE_INVALID', retryable: true });
    const down = gateway({ fetch: async () => Promise.reject(new Error('ECONNRESET')) });
    await expect(down.queryByOutTradeNo('PZ2611240931004217-05')).rejects.toMatchObject({ code: 'NETWORK_ERROR', retryable: true });
    channel.faults.push({ path: /jsapi/, answer: { status: 500, code: 'SYSTEM_ERROR' } });
    await expect(gateway().prepayJsapi(prepayInput('PZ2611240931004217-06'))).rejects.toMatchObject({ code: 'SYSTEM_ERROR', retryable: true, httpStatus: 500 });
    // A request signed with another key is refused by the channel.
    const stranger = generateRsaKeyPair();
    const forged = gateway({ merchantPrivateKey: stranger.privateKey, fetch: channel.fetch });
    await expect(forged.prepayJsapi(prepayInput('PZ2611240931004217-07'))).rejects.toMatchObject({ code: 'SIGN_ERROR', httpStatus: 401, retryable: false });
    await expect(forged.prepayJsapi(prepayInput('PZ2611240931004217-07'))).rejects.toBeInstanceOf(GatewayError);
  });

  it('needs the payer openid for real JSAPI payments, and whole positive fen', async () => {
    await expect(gateway().prepayJsapi({ ...prepayInput('PZ2611240931004217-08'), payerOpenid: null })).rejects.toMatchObject({ code: 'PAYER_OPENID_REQUIRED' });
    await expect(gateway().prepayJsapi(prepayInput('PZ2611240931004217-08', 0))).rejects.toMatchObject({ code: 'PARAM_ERROR' });
    expect(seen).toEqual([]);
  });

  it('verifies and decrypts a callback the sandbox produced, for a payment and for a refund', async () => {
    const g = gateway();
    const { prepayId } = await g.prepayJsapi(prepayInput('PZ2611240931004217-09', 8800));
    await channel.pay(prepayId);
    const [cb] = callbacks;
    expect(cb.url).toBe('https://pay.example.com/api/open/payments/wechat/notify');
    expect(Object.keys(cb.headers)).toEqual(expect.arrayContaining(['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Signature', 'Wechatpay-Serial']));
    const n = g.verifyNotification({ headers: cb.headers, body: cb.body });
    expect(n).toMatchObject({ kind: 'transaction', eventType: 'TRANSACTION.SUCCESS', serial: keys.platform.serial });
    if (n.kind !== 'transaction') throw new Error('expected a transaction');
    expect(n.transaction).toMatchObject({ outTradeNo: 'PZ2611240931004217-09', tradeState: 'SUCCESS', totalFen: 8800, mchId: keys.mchId, appId: keys.appId });

    const paid = await g.queryByOutTradeNo('PZ2611240931004217-09');
    await g.refund({ outTradeNo: 'PZ2611240931004217-09', transactionId: paid!.transactionId, outRefundNo: 'PZ2611240931004217-09-R01', amountFen: 8800, totalFen: 8800, reason: '取消' });
    await channel.completeRefund('PZ2611240931004217-09-R01');
    const r = g.verifyNotification({ headers: callbacks[1].headers, body: callbacks[1].body });
    expect(r).toMatchObject({ kind: 'refund', eventType: 'REFUND.SUCCESS', refund: { outRefundNo: 'PZ2611240931004217-09-R01', status: 'SUCCESS', amountFen: 8800, totalFen: 8800, mchId: keys.mchId } });
  });

  it('rejects callbacks that are forged, stale, from an unknown key or whose resource was changed', () => {
    const g = gateway();
    const resource = { mchid: keys.mchId, appid: keys.appId, out_trade_no: 'PZ2611240931004217-10', transaction_id: '4200000000000000000000000001', trade_state: 'SUCCESS', amount: { total: 100, currency: 'CNY' } };
    const good = channel.notification('transaction', resource);
    const reason = (headers: Record<string, string>, body: string, now?: number) => {
      try {
        g.verifyNotification({ headers, body }, now);
        return 'accepted';
      } catch (err) {
        if (err instanceof NotificationRejectedError) return err.reason;
        throw err;
      }
    };
    expect(reason(good.headers, good.body)).toBe('accepted');
    expect(reason(good.headers, good.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESs'))).toBe('bad_signature');
    expect(reason({ ...good.headers, 'Wechatpay-Serial': 'ABCDEF' }, good.body)).toBe('unknown_serial');
    expect(reason(good.headers, good.body, Date.now() + 6 * 60_000)).toBe('timestamp_out_of_window');
    const stale = channel.notification('transaction', resource, { nowMs: Date.now() - 10 * 60_000 });
    expect(reason(stale.headers, stale.body)).toBe('timestamp_out_of_window');
    // Changed inside the resource and re-signed (only a holder of the platform key could): GCM still refuses it.
    const envelope = JSON.parse(good.body);
    const bytes = Buffer.from(envelope.resource.ciphertext, 'base64');
    bytes[5] ^= 1;
    envelope.resource.ciphertext = bytes.toString('base64');
    const tampered = JSON.stringify(envelope);
    expect(reason(channel.signedHeaders(tampered), tampered)).toBe('decrypt_failed');
    const wrongKey = channel.notification('transaction', resource, { apiV3Key: 'k'.repeat(32) });
    expect(reason(wrongKey.headers, wrongKey.body)).toBe('decrypt_failed');
    const notJson = 'not json at all';
    expect(reason(channel.signedHeaders(notJson), notJson)).toBe('malformed_body');
    const odd = JSON.stringify({ id: 'x', event_type: 'PROFITSHARING.SUCCESS', resource: encryptResource(keys.apiV3Key, '{}', 'profitsharing', 'profitsharing') });
    expect(reason(channel.signedHeaders(odd), odd)).toBe('unsupported_event');
    // Signed by a key that merely claims the platform serial.
    const impostor = generateRsaKeyPair();
    const s = signAsPlatform({ serial: keys.platform.serial, privateKey: impostor.privateKey }, good.body);
    expect(reason({ 'Wechatpay-Timestamp': s.timestamp, 'Wechatpay-Nonce': s.nonce, 'Wechatpay-Signature': s.signature, 'Wechatpay-Serial': s.serial }, good.body)).toBe('bad_signature');
  });

  it('refuses to be built without a 32-byte APIv3 key or any platform key', () => {
    expect(() => gateway({ apiV3Key: 'short' })).toThrow(/32 bytes/);
    expect(() => gateway({ platformKeys: new PlatformKeyring() })).toThrow(/platform/);
  });

  it('formats time_expire as RFC 3339 in Shanghai time', () => {
    expect(rfc3339Shanghai(new Date('2026-11-24T01:31:00Z'))).toBe('2026-11-24T09:31:00+08:00');
    expect(parseAuthorization(undefined)).toBeNull();
  });
});
