import { formatRawJson, toPaymentQuery } from './payment-query';

describe('toPaymentQuery', () => {
  it('pages with page and pageSize and leaves empty filters out', () => {
    expect(toPaymentQuery({ current: 2, pageSize: 50, orderNo: '  PZ1 ', channelTransactionId: '' })).toEqual({
      page: 2,
      pageSize: 50,
      orderNo: 'PZ1',
    });
  });

  it('turns picked Shanghai days into the UTC range the API filters on, the end day included', () => {
    expect(toPaymentQuery({ current: 1, pageSize: 20, status: 'succeeded', createdDays: ['2026-11-01', '2026-11-30'] })).toEqual({
      page: 1,
      pageSize: 20,
      status: 'succeeded',
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
    });
  });
});

describe('formatRawJson', () => {
  it('indents a JSON body stored as text', () => {
    expect(formatRawJson('{"id":"EV-1","resource":{"algorithm":"AEAD_AES_256_GCM"}}')).toBe(
      '{\n  "id": "EV-1",\n  "resource": {\n    "algorithm": "AEAD_AES_256_GCM"\n  }\n}',
    );
  });

  it('indents headers that arrive as an object', () => {
    expect(formatRawJson({ 'wechatpay-serial': 'PUB_KEY_ID_1' })).toBe('{\n  "wechatpay-serial": "PUB_KEY_ID_1"\n}');
  });

  it('shows a body that is not JSON exactly as received', () => {
    expect(formatRawJson('not json {')).toBe('not json {');
  });

  it('shows a dash when nothing was stored', () => {
    expect(formatRawJson('')).toBe('-');
    expect(formatRawJson(null)).toBe('-');
  });
});
