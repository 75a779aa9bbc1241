import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';

describe('responses', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('wraps a success as exactly { success: true, data }', async () => {
    const res = await t.http().get('/api/app/cities');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'success']);
    expect(res.body.success).toBe(true);
  });

  it('shapes an error as exactly { success: false, errorCode, errorMessage, requestId } with the header’s request id', async () => {
    const res = await t.http().get('/api/admin/auth/me');
    expectError(res, 401, 'AUTH_REQUIRED');
    expect(Object.keys(res.body).sort()).toEqual(['errorCode', 'errorMessage', 'requestId', 'success']);
    expect(res.body.errorMessage).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('puts X-Request-Id on every kind of API response', async () => {
    const token = await staffToken(t, 'ops');
    const responses = [
      await t.http().get('/api/health'),
      await t.http().get('/api/app/cities'),
      await t.http().get('/api/admin/auth/me').set(bearer(token)),
      await t.http().get('/api/admin/staff-users').set(bearer(token)),
      await t.http().post('/api/admin/auth/login').send({}),
      await t.http().get('/api/no-such-route'),
      await t.http().post('/api/app/auth/sms-code').send({ phone: '1' }),
    ];
    expect(responses.map(r => r.status)).toEqual([200, 200, 200, 403, 400, 404, 400]);
    for (const res of responses) expect(res.headers['x-request-id']).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    expect(new Set(responses.map(r => r.headers['x-request-id'])).size).toBe(responses.length);
  });

  it('keeps a well-formed X-Request-Id from the load balancer and replaces a malformed one', async () => {
    const kept = await t.http().get('/api/admin/auth/me').set('X-Request-Id', 'lb-1234abcd');
    expect(kept.headers['x-request-id']).toBe('lb-1234abcd');
    expect(kept.body.requestId).toBe('lb-1234abcd');
    const replaced = await t.http().get('/api/admin/auth/me').set('X-Request-Id', 'bad id\twith spaces');
    expect(replaced.headers['x-request-id']).not.toContain(' ');
    expect(replaced.body.requestId).toBe(replaced.headers['x-request-id']);
  });

  it('answers an unknown route under /api with the 404 NOT_FOUND envelope, with or without a token', async () => {
    expectError(await t.http().get('/api/no-such-route'), 404, 'NOT_FOUND');
    expectError(await t.http().post('/api/admin/no-such-route').send({}), 404, 'NOT_FOUND');
    const token = await staffToken(t, 'admin');
    expectError(await t.http().get('/api/admin/no-such-route').set(bearer(token)), 404, 'NOT_FOUND');
    expectError(await t.http().delete('/api/admin/staff-users/1').set(bearer(token)), 404, 'NOT_FOUND');
  });

  it('refuses a malformed JSON body with a 400 envelope and writes nothing', async () => {
    const before = await rowCounts(t);
    const res = await t
      .http()
      .post('/api/admin/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "admin", "password": ');
    expectError(res, 400, 'BAD_REQUEST');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
  });

  it('refuses a body over 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t
      .http()
      .post('/api/admin/auth/login')
      .send({ username: 'admin', password: 'x'.repeat(1024 * 1024 + 10) });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('says which fields failed validation, in Chinese', async () => {
    const res = await t.http().post('/api/app/auth/sms-code').send({ phone: '123' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errorMessage).toContain('手机号');
  });

  it('adds details only where a client can use them (Retry-After on 429)', async () => {
    const phone = '13300000001';
    expectOk(await t.http().post('/api/app/auth/sms-code').send({ phone }));
    const res = await t.http().post('/api/app/auth/sms-code').send({ phone });
    expectError(res, 429, 'SMS_RATE_LIMITED');
    expect(res.body.details).toEqual({ retryAfterSeconds: Number(res.headers['retry-after']) });
  });

  it('serves the OpenAPI document unwrapped, listing the foundation routes', async () => {
    const res = await t.http().get('/api/docs/index.json');
    expect(res.status).toBe(200);
    expect(res.body.success).toBeUndefined();
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/admin/auth/login',
        '/api/auth/refresh',
        '/api/app/auth/sms-code',
        '/api/admin/staff-users',
        '/api/admin/audit-logs',
      ])
    );
    expect(Object.keys(res.body.paths)).not.toContain('/api/dev/sms-outbox');
  });

  describe('of the health check', () => {
    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('reports ok with a reachable database, without a token', async () => {
      const data = expectOk(await t.http().get('/api/health'));
      expect(data).toEqual({ status: 'ok', db: 'ok', version: expect.any(String) });
    });

    it('answers 503 when the database does not answer', async () => {
      jest.spyOn(t.dataSource, 'query').mockRejectedValueOnce(new Error('connection lost'));
      const res = await t.http().get('/api/health');
      expectError(res, 503, 'DB_UNAVAILABLE');
      expect(JSON.stringify(res.body)).not.toContain('connection lost');
      expectOk(await t.http().get('/api/health'));
    });
  });
});
