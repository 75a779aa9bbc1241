import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { PriceRule } from '../../src/modules/catalog/price-rule.entity';
import { as, auditSince, lastAuditId } from './catalog-fixtures';

const newRule = (code: string, extra: object = {}) => ({
  code,
  name: `规则${code}`,
  type: 'hospital_grade',
  kind: 'surcharge',
  amountType: 'bp',
  amount: 500,
  params: { grades: ['二甲'] },
  categoryCodes: ['outpatient'],
  sortOrder: 60,
  ...extra,
});

const editable = (rule: ReturnType<typeof newRule>) => {
  const { code: _code, type: _type, cityId: _city, ...rest } = rule as ReturnType<typeof newRule> & { cityId?: unknown };
  return rest;
};

describe('price rules in the console', () => {
  let t: TestApp;
  let admin: ReturnType<typeof as>;
  let ops: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = as(t, await staffToken(t, 'admin'));
    ops = as(t, await staffToken(t, 'ops'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the five default rules for all cities', async () => {
    const rules = expectOk(await admin.get('/api/admin/price-rules'));
    expect(rules.map((r: { code: string }) => r.code)).toEqual(['grade_3a', 'night', 'same_day', 'first_order', 'member']);
    expect(rules[0]).toMatchObject({
      name: '三甲医院加价',
      type: 'hospital_grade',
      typeName: '医院等级',
      kind: 'surcharge',
      amountType: 'bp',
      amount: 1000,
      params: { grades: ['三甲'] },
      cityId: null,
      cityName: null,
      enabled: true,
    });
    expect(rules[3]).toMatchObject({ kind: 'discount', amountType: 'fen', amount: 2000 });
  });

  it('creates a rule for all cities as admin, with one audit row', async () => {
    const before = await rowCounts(t);
    const auditFrom = await lastAuditId(t);
    const rule = expectOk(await admin.post('/api/admin/price-rules', newRule('grade_2a')));
    expect(rule).toMatchObject({ code: 'grade_2a', cityId: null, params: { grades: ['二甲'] }, categoryCodes: ['outpatient'], enabled: true });
    expect(countChanges(before, await rowCounts(t))).toEqual({ price_rules: 1, audit_logs: 1 });
    const [audit] = await auditSince(t, auditFrom);
    expect(audit).toMatchObject({ action: 'catalog.price_rule.create', targetType: 'price_rule', targetId: String(rule.id) });
  });

  it('refuses a second all-cities rule with the same code with 409', async () => {
    const before = await rowCounts(t);
    expectError(await admin.post('/api/admin/price-rules', newRule('grade_2a')), 409, 'PRICE_RULE_CODE_TAKEN');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
  });

  it('lets a city have its own rule with an all-cities code, and lets ops keep to their city', async () => {
    const sh = expectOk(await ops.post('/api/admin/price-rules', newRule('grade_2a', { cityId: 1, amount: 800 })));
    expect(sh).toMatchObject({ cityId: 1, cityName: '上海', amount: 800 });
    const before = await rowCounts(t);
    expectError(await ops.post('/api/admin/price-rules', newRule('grade_2a', { cityId: 2 })), 403, 'CITY_SCOPE_FORBIDDEN');
    expectError(await ops.post('/api/admin/price-rules', newRule('ops_global')), 403, 'FORBIDDEN');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    expectError(await ops.post('/api/admin/price-rules', newRule('grade_2a', { cityId: 1 })), 409, 'PRICE_RULE_CODE_TAKEN');
  });

  it('shows ops the all-cities rules and their own city’s, and filters by city', async () => {
    expectOk(await admin.post('/api/admin/price-rules', newRule('bj_only', { cityId: 2 })));
    const seenByOps = expectOk(await ops.get('/api/admin/price-rules')).map((r: { code: string; cityId: number | null }) => `${r.code}@${r.cityId}`);
    expect(seenByOps).toContain('grade_2a@1');
    expect(seenByOps).toContain('grade_2a@null');
    expect(seenByOps).not.toContain('bj_only@2');
    const globalOnly = expectOk(await admin.get('/api/admin/price-rules', { cityId: 0 }));
    expect(globalOnly.every((r: { cityId: number | null }) => r.cityId === null)).toBe(true);
    const beijing = expectOk(await admin.get('/api/admin/price-rules', { cityId: 2 }));
    expect(beijing.map((r: { code: string }) => r.code)).toEqual(['bj_only']);
    expectError(await ops.get('/api/admin/price-rules', { cityId: 2 }), 403, 'CITY_SCOPE_FORBIDDEN');
  });

  it.each([
    ['a negative amount', { amount: -10 }],
    ['a fractional amount', { amount: 10.5 }],
    ['a discount of more than 100%', { kind: 'discount', amount: 10_001 }],
    ['an unknown type', { type: 'weekend' }],
    ['a grade rule without grades', { params: {} }],
    ['a parameter of another type', { params: { grades: ['三甲'], withinHours: 3 } }],
    ['an unknown parameter', { params: { grades: ['三甲'], colour: 'red' } }],
    ['a night window with a bad time', { type: 'night', params: { startTime: '8pm' } }],
    ['a same-day rule with no condition', { type: 'same_day', params: {} }],
    ['an unknown field', { enabled: false }],
    ['an upper-case code', { code: 'Grade' }],
  ])('refuses %s with 400 and writes nothing', async (_why, extra) => {
    const before = await rowCounts(t);
    expectError(await admin.post('/api/admin/price-rules', newRule('rejected_rule', extra)), 400, 'VALIDATION_FAILED');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
  });

  it('fills in the default night window', async () => {
    const rule = expectOk(await admin.post('/api/admin/price-rules', newRule('late', { type: 'night', params: {}, cityId: 2 })));
    expect(rule.params).toEqual({ startTime: '20:00', endTime: '07:00' });
  });

  it('updates, disables and enables a rule, each audited with before and after', async () => {
    const id = (await t.dataSource.getRepository(PriceRule).findOneByOrFail({ code: 'member' })).id;
    const auditFrom = await lastAuditId(t);
    const current = expectOk(await admin.get('/api/admin/price-rules')).find((r: { id: number }) => r.id === id);
    const updated = expectOk(
      await admin.put(`/api/admin/price-rules/${id}`, {
        name: '会员 9 折',
        kind: current.kind,
        amountType: current.amountType,
        amount: 1000,
        params: {},
        categoryCodes: [],
        sortOrder: current.sortOrder,
      })
    );
    expect(updated).toMatchObject({ id, code: 'member', name: '会员 9 折', amount: 1000 });
    expect(expectOk(await admin.post(`/api/admin/price-rules/${id}/disable`)).enabled).toBe(false);
    expect(expectOk(await admin.post(`/api/admin/price-rules/${id}/enable`)).enabled).toBe(true);
    const audits = await auditSince(t, auditFrom);
    expect(audits.map(a => a.action)).toEqual(['catalog.price_rule.update', 'catalog.price_rule.disable', 'catalog.price_rule.enable']);
    expect(JSON.parse(audits[0].before!)).toMatchObject({ amount: 500 });
    expect(JSON.parse(audits[0].after!)).toMatchObject({ amount: 1000 });
  });

  it('refuses to change a rule’s code, type or city', async () => {
    const id = (await t.dataSource.getRepository(PriceRule).findOneByOrFail({ code: 'night' })).id;
    for (const extra of [{ code: 'x' }, { type: 'member' }, { cityId: 1 }]) {
      expectError(await admin.put(`/api/admin/price-rules/${id}`, { ...editable(newRule('night', { type: 'night', params: {} })), ...extra }), 400, 'VALIDATION_FAILED');
    }
  });

  it('keeps ops away from all-cities rules and other cities’ rules, but lets them edit their own', async () => {
    const globalId = (await t.dataSource.getRepository(PriceRule).findOneByOrFail({ code: 'night' })).id;
    const bjId = (await t.dataSource.getRepository(PriceRule).findOneByOrFail({ code: 'bj_only' })).id;
    const shId = (await t.dataSource.getRepository(PriceRule).findOneByOrFail({ code: 'grade_2a', cityId: 1 })).id;
    const before = await rowCounts(t);
    expectError(await ops.post(`/api/admin/price-rules/${globalId}/disable`), 403, 'FORBIDDEN');
    expectError(await ops.post(`/api/admin/price-rules/${bjId}/disable`), 403, 'CITY_SCOPE_FORBIDDEN');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
    expect(expectOk(await ops.put(`/api/admin/price-rules/${shId}`, editable(newRule('grade_2a', { amount: 900 })))).amount).toBe(900);
  });

  it.each(['finance', 'support'] as const)('refuses %s any rule write with 403', async username => {
    const token = await staffToken(t, username);
    const before = await rowCounts(t);
    expectError(await as(t, token).post('/api/admin/price-rules', newRule('by_other')), 403, 'FORBIDDEN');
    expect(countChanges(before, await rowCounts(t))).toEqual({});
  });

  it('answers 404 for an unknown rule', async () => {
    expectError(await admin.post('/api/admin/price-rules/99999/disable'), 404, 'NOT_FOUND');
  });
});
