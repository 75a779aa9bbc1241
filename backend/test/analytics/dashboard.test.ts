import { latestSmsCode, startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, createStaff, customerLogin, expectError, expectOk, loginAs } from '../helpers/http';
import { Customer } from '../../src/modules/users/customer.entity';
import { Escort } from '../../src/modules/escorts/escort.entity';
import { Hospital } from '../../src/modules/hospitals/hospital.entity';
import { ServiceItem } from '../../src/modules/catalog/service-item.entity';
import { AuditLog } from '../../src/modules/audit/audit-log.entity';
import { MoreThanOrEqual } from 'typeorm';
import { startOfShanghaiDay } from '../../src/common/time';

const shanghaiDate = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('the dashboard', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await staffToken(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const today = async (token = adminToken) => expectOk(await t.http().get('/api/admin/dashboard/today').set(bearer(token)));

  it('counts from the real data', async () => {
    const data = await today();
    expect(data).toEqual({
      date: shanghaiDate(),
      customersTotal: await t.dataSource.getRepository(Customer).count(),
      customersNewToday: expect.any(Number),
      escortsTotal: await t.dataSource.getRepository(Escort).count(),
      escortsActive: await t.dataSource.getRepository(Escort).count({ where: { status: 'active' } }),
      hospitalsTotal: await t.dataSource.getRepository(Hospital).count(),
      serviceItemsTotal: await t.dataSource.getRepository(ServiceItem).count(),
      staffLoginsToday: 1,
      failedLoginsToday: 0,
      smsSentToday: 0,
      // The demo seeder audits what it does through the real services, so "today" holds its rows.
      auditEventsToday: await t.dataSource.getRepository(AuditLog).count({ where: { createdAt: MoreThanOrEqual(startOfShanghaiDay(new Date())) } }),
    });
    expect(data).toMatchObject({ escortsTotal: 5, escortsActive: 4, hospitalsTotal: 5, customersTotal: 1 });
  });

  it('counts a new customer, and the code sent to them, once they log in', async () => {
    const before = await today();
    await customerLogin(t, '13200000001');
    const after = await today();
    expect(after.customersTotal).toBe(before.customersTotal + 1);
    expect(after.customersNewToday).toBe(before.customersNewToday + 1);
    expect(after.smsSentToday).toBe(before.smsSentToday + 1);
  });

  it('does not count a returning customer as new', async () => {
    const phone = '13800000001';
    expectOk(await t.http().post('/api/app/auth/sms-code').send({ phone }));
    const before = await today();
    expectOk(
      await t
        .http()
        .post('/api/app/auth/sms-login')
        .send({ phone, code: await latestSmsCode(t, phone) })
    );
    const after = await today();
    expect(after.customersTotal).toBe(before.customersTotal);
    expect(after.customersNewToday).toBe(before.customersNewToday);
  });

  it('counts staff writes as audit events', async () => {
    const before = await today();
    const user = await createStaff(t, { username: 'dash_new' }, adminToken);
    expectOk(await t.http().post(`/api/admin/staff-users/${user.id}/disable`).set(bearer(adminToken)));
    const after = await today();
    expect(after.auditEventsToday).toBe(before.auditEventsToday + 2);
    expect(after.auditEventsToday).toBe(await t.dataSource.getRepository(AuditLog).count());
  });

  it('counts failed logins and staff who logged in today', async () => {
    const before = await today();
    await loginAs(t, 'finance', 'Wrong@12345');
    await loginAs(t, 'nobody', 'Wrong@12345');
    expectOk(await loginAs(t, 'finance', 'Finance@12345'));
    expectOk(await loginAs(t, 'finance', 'Finance@12345'));
    const after = await today();
    expect(after.failedLoginsToday).toBe(before.failedLoginsToday + 2);
    expect(after.staffLoginsToday).toBe(before.staffLoginsToday + 1);
  });

  it('shows ops only the escorts and hospitals of their own city', async () => {
    const ops = await today(await staffToken(t, 'ops'));
    expect(ops).toMatchObject({
      escortsTotal: await t.dataSource.getRepository(Escort).count({ where: { cityId: 1 } }),
      escortsActive: await t.dataSource.getRepository(Escort).count({ where: { cityId: 1, status: 'active' } }),
      hospitalsTotal: await t.dataSource.getRepository(Hospital).count({ where: { cityId: 1 } }),
    });
    expect(ops).toMatchObject({ escortsTotal: 3, hospitalsTotal: 3 });
    const opsBj = await today(await staffToken(t, 'ops_bj'));
    expect(opsBj).toMatchObject({ escortsTotal: 2, escortsActive: 1, hospitalsTotal: 2 });
    const all = await today();
    expect(all.escortsTotal).toBe(ops.escortsTotal + opsBj.escortsTotal);
    expect(all.hospitalsTotal).toBe(ops.hospitalsTotal + opsBj.hospitalsTotal);
  });

  it('is open to every staff role and closed to customers', async () => {
    for (const user of ['finance', 'support'] as const) await today(await staffToken(t, user));
    const { accessToken } = await customerLogin(t, '13200000002');
    expectError(await t.http().get('/api/admin/dashboard/today').set(bearer(accessToken)), 403, 'FORBIDDEN');
  });
});
