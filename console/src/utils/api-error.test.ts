import { ApiError, apiErrorFrom, errorMessageOf } from './api-error';

describe('apiErrorFrom', () => {
  it('keeps the backend code, readable message and request id', () => {
    const error = apiErrorFrom(423, {
      success: false,
      errorCode: 'AUTH_ACCOUNT_LOCKED',
      errorMessage: '账号已锁定，请 15 分钟后再试',
      requestId: 'req-1',
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 423,
      errorCode: 'AUTH_ACCOUNT_LOCKED',
      errorMessage: '账号已锁定，请 15 分钟后再试',
      requestId: 'req-1',
    });
  });

  it('falls back to a Chinese message by status when the body has none', () => {
    expect(apiErrorFrom(502, '<html>Bad Gateway</html>')).toMatchObject({ errorCode: 'HTTP_502', errorMessage: '请求失败（502）' });
    expect(apiErrorFrom(403, undefined).errorMessage).toBe('没有权限执行此操作');
  });

  it('keeps the details the backend attached, such as the orders a leave collides with', () => {
    const orders = [{ id: 1, orderNo: 'PZ1' }];
    expect(apiErrorFrom(409, { errorCode: 'LEAVE_COLLIDES_WITH_ORDERS', errorMessage: '有订单', details: { orders } }).details).toEqual({ orders });
  });

  it('describes a request that never got an answer as a network problem', () => {
    expect(apiErrorFrom(undefined, undefined)).toMatchObject({ status: 0, errorCode: 'NETWORK_ERROR' });
  });
});

describe('errorMessageOf', () => {
  it('reads the message of API errors and plain errors alike', () => {
    expect(errorMessageOf(apiErrorFrom(409, { errorCode: 'USERNAME_TAKEN', errorMessage: '用户名已存在' }))).toBe('用户名已存在');
    expect(errorMessageOf(new Error('boom'))).toBe('boom');
    expect(errorMessageOf('strange')).toBe('操作失败，请稍后重试');
  });
});
