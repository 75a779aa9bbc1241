import { startTestApp, TestApp } from '../helpers/test-app';

describe('the application', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports healthy with a reachable database', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, data: { status: 'ok', db: 'ok' } });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('logs the demo admin in', async () => {
    const res = await t.http().post('/api/admin/auth/login').send({ username: 'admin', password: 'Admin@12345' });
    expect(res.status).toBe(200);
    expect(res.body.data.user.roles).toEqual(['admin']);
  });
});
