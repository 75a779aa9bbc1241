import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { CatalogService } from '../../src/modules/catalog/catalog.service';
import { AppError } from '../../src/common/errors';
import { as, itemIdByCode, newItem, shanghaiDaysAhead } from './catalog-fixtures';

describe('bookable items and quotes', () => {
  let t: TestApp;
  let admin: ReturnType<typeof as>;
  let catalog: CatalogService;

  beforeAll(async () => {
    t = await startTestApp();
    admin = as(t, await staffToken(t, 'admin'));
    catalog = await t.app.getApplicationContext().getAsync(CatalogService);
  });
  afterAll(async () => {
    await t.close();
  });

  const preview = (body: object) => admin.post('/api/admin/pricing/preview', body);
  const errorOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      return err as AppError;
    }
    throw new Error('expected a rejection');
  };

  describe('getBookableItem', () => {
    it('gives the item with its price in the city', async () => {
      const id = await itemIdByCode(t, 'OPD-HALF');
      expect(await catalog.getBookableItem(id, 2)).toEqual({
        id,
        code: 'OPD-HALF',
        name: '门诊陪诊（半天）',
        categoryCode: 'outpatient',
        pricingUnit: 'half_day',
        minDurationMinutes: 120,
        maxDurationMinutes: 240,
        defaultDurationMinutes: 240,
        requiredQualifications: ['basic_escort'],
        preparation: ['就诊人身份证', '医保卡或就诊卡', '既往病历与检查报告'],
        isErrand: false,
        cityId: 2,
        unitPriceFen: 21900,
      });
      expect((await catalog.getBookableItem(await itemIdByCode(t, 'ERR-REPORT'), 1)).isErrand).toBe(true);
    });

    it('answers 404 SERVICE_NOT_FOUND for an unknown item and for a disabled one', async () => {
      expect(await errorOf(catalog.getBookableItem(99999, 1))).toMatchObject({ status: 404, code: 'SERVICE_NOT_FOUND' });
      const { id } = expectOk(await admin.post('/api/admin/service-items', newItem('OFF-ITEM')));
      expectOk(await admin.put(`/api/admin/service-items/${id}/city-prices/1`, { unitPriceFen: 10000 }));
      expectOk(await admin.post(`/api/admin/service-items/${id}/disable`));
      expect(await errorOf(catalog.getBookableItem(id, 1))).toMatchObject({ status: 404, code: 'SERVICE_NOT_FOUND' });
    });

    it('answers 422 SERVICE_NOT_OFFERED without a city price or with a disabled one', async () => {
      const { id } = expectOk(await admin.post('/api/admin/service-items', newItem('NO-CITY')));
      expect(await errorOf(catalog.getBookableItem(id, 1))).toMatchObject({ status: 422, code: 'SERVICE_NOT_OFFERED' });
      expectOk(await admin.put(`/api/admin/service-items/${id}/city-prices/1`, { unitPriceFen: 10000 }));
      expect((await catalog.getBookableItem(id, 1)).unitPriceFen).toBe(10000);
      expectOk(await admin.post(`/api/admin/service-items/${id}/city-prices/1/disable`));
      expect(await errorOf(catalog.getBookableItem(id, 1))).toMatchObject({ status: 422, code: 'SERVICE_NOT_OFFERED' });
      expect(await errorOf(catalog.getBookableItem(id, 2))).toMatchObject({ status: 422, code: 'SERVICE_NOT_OFFERED' });
    });
  });

  describe('quote', () => {
    it('applies the default rules of the item’s city', async () => {
      const item = await catalog.getBookableItem(await itemIdByCode(t, 'OPD-HALF'), 1);
      const startAt = new Date('2030-03-04T01:00:00Z'); // 09:00 Shanghai
      const q = await catalog.quote({
        item,
        startAt,
        endAt: new Date('2030-03-04T05:00:00Z'),
        hospitalGrade: '三甲',
        firstOrder: true,
        member: true,
        now: new Date('2030-03-01T00:00:00Z'),
      });
      // 19900 + 10% (1990) = 21890; member 5% = 1094.5 → 1095; first order 2000
      expect(q.lines.map(l => [l.code, l.amountFen])).toEqual([
        ['OPD-HALF', 19900],
        ['grade_3a', 1990],
        ['member', -1095],
        ['first_order', -2000],
      ]);
      expect(q.totalFen).toBe(18795);
    });

    it('turns a duration outside the item’s range into 422 DURATION_OUT_OF_RANGE', async () => {
      const item = await catalog.getBookableItem(await itemIdByCode(t, 'OPD-HALF'), 1);
      const err = await errorOf(
        catalog.quote({ item, startAt: new Date('2030-03-04T01:00:00Z'), endAt: new Date('2030-03-04T09:00:00Z'), hospitalGrade: null, firstOrder: false, member: false, now: new Date('2030-03-01T00:00:00Z') })
      );
      expect(err).toMatchObject({ status: 422, code: 'DURATION_OUT_OF_RANGE' });
    });
  });

  describe('the console preview', () => {
    it('shows base, surcharges and discounts with the Beijing price', async () => {
      const before = await rowCounts(t);
      const data = expectOk(
        await preview({
          serviceItemId: await itemIdByCode(t, 'EXAM-STD'),
          cityId: 2,
          hospitalGrade: '三甲',
          startAt: shanghaiDaysAhead(7, '18:00'),
          durationMinutes: 240,
          firstOrder: true,
          member: false,
        })
      );
      // 17900; 三甲 +1790; night 18:00–22:00 half of 17900 = 8950 × 20% = 1790; first order −2000
      expect(data.item).toMatchObject({ code: 'EXAM-STD', cityId: 2, unitPriceFen: 17900 });
      expect(data.quote).toEqual({
        units: 1,
        lines: [
          { kind: 'base', code: 'EXAM-STD', label: '检查陪诊', amountFen: 17900, detail: '¥179.00 × 1 次' },
          { kind: 'surcharge', code: 'grade_3a', label: '三甲医院加价', amountFen: 1790, detail: '服务费 ¥179.00 × 10%' },
          { kind: 'surcharge', code: 'night', label: '夜间服务加价', amountFen: 1790, detail: '夜间 120/240 分钟，对应服务费 ¥89.50 × 20%' },
          { kind: 'discount', code: 'first_order', label: '首单立减', amountFen: -2000, detail: '每单 ¥20.00' },
        ],
        totalFen: 19480,
      });
      expect(new Date(data.endAt).getTime() - new Date(data.startAt).getTime()).toBe(240 * 60_000);
      expect(countChanges(before, await rowCounts(t))).toEqual({});
    });

    it('adds the same-day surcharge for a service starting later today', async () => {
      // Same Shanghai date as the quote, whatever the hour the test runs at.
      const startAt = shanghaiDaysAhead(0, '23:00');
      const data = expectOk(
        await preview({ serviceItemId: await itemIdByCode(t, 'ERR-PAY'), cityId: 1, startAt, durationMinutes: 60 })
      );
      expect(data.quote.lines.map((l: { code: string }) => l.code)).toEqual(['ERR-PAY', 'night', 'same_day']);
    });

    it('charges a care stay by the day and a monthly package by the month', async () => {
      const care = expectOk(await preview({ serviceItemId: await itemIdByCode(t, 'CARE-24H'), cityId: 1, startAt: shanghaiDaysAhead(3, '08:00'), durationMinutes: 3 * 1440 }));
      expect(care.quote).toMatchObject({ units: 3, totalFen: 3 * 39900 });
      const month = expectOk(await preview({ serviceItemId: await itemIdByCode(t, 'CARE-MONTH'), cityId: 2, startAt: shanghaiDaysAhead(3, '08:00'), durationMinutes: 30 * 1440, member: true }));
      // member 5% of 1080000 = 54000
      expect(month.quote).toMatchObject({ units: 1, totalFen: 1080000 - 54000 });
    });

    it('answers SERVICE_NOT_FOUND, SERVICE_NOT_OFFERED and DURATION_OUT_OF_RANGE', async () => {
      const startAt = shanghaiDaysAhead(5, '09:00');
      expectError(await preview({ serviceItemId: await itemIdByCode(t, 'OFF-ITEM'), cityId: 1, startAt, durationMinutes: 240 }), 404, 'SERVICE_NOT_FOUND');
      expectError(await preview({ serviceItemId: await itemIdByCode(t, 'NO-CITY'), cityId: 2, startAt, durationMinutes: 240 }), 422, 'SERVICE_NOT_OFFERED');
      expectError(await preview({ serviceItemId: await itemIdByCode(t, 'OPD-HALF'), cityId: 1, startAt, durationMinutes: 30 }), 422, 'DURATION_OUT_OF_RANGE');
    });

    it.each([
      ['no start', { startAt: undefined }],
      ['a start that is not a date', { startAt: '明天' }],
      ['a fractional duration', { durationMinutes: 90.5 }],
      ['an unknown field', { coupon: 'FREE' }],
    ])('refuses %s with 400', async (_why, extra) => {
      const body = { serviceItemId: await itemIdByCode(t, 'OPD-HALF'), cityId: 1, startAt: shanghaiDaysAhead(5, '09:00'), durationMinutes: 240, ...extra };
      expectError(await preview(body), 400, 'VALIDATION_FAILED');
    });

    it('is open to support (catalog:read) and closed to finance', async () => {
      const body = { serviceItemId: await itemIdByCode(t, 'OPD-HALF'), cityId: 1, startAt: shanghaiDaysAhead(5, '09:00'), durationMinutes: 240 };
      expectOk(await as(t, await staffToken(t, 'support')).post('/api/admin/pricing/preview', body));
      expectError(await as(t, await staffToken(t, 'finance')).post('/api/admin/pricing/preview', body), 403, 'FORBIDDEN');
    });

    it('follows a city rule that replaces the all-cities rule', async () => {
      const rule = expectOk(
        await admin.post('/api/admin/price-rules', {
          code: 'grade_3a',
          name: '北京三甲加价',
          type: 'hospital_grade',
          kind: 'surcharge',
          amountType: 'fen',
          amount: 3000,
          params: { grades: ['三甲'] },
          categoryCodes: [],
          cityId: 2,
        })
      );
      const body = { serviceItemId: await itemIdByCode(t, 'OPD-HALF'), hospitalGrade: '三甲', startAt: shanghaiDaysAhead(5, '09:00'), durationMinutes: 240 };
      const bj = expectOk(await preview({ ...body, cityId: 2 }));
      expect(bj.quote.lines[1]).toMatchObject({ code: 'grade_3a', label: '北京三甲加价', amountFen: 3000 });
      const sh = expectOk(await preview({ ...body, cityId: 1 }));
      expect(sh.quote.lines[1]).toMatchObject({ code: 'grade_3a', label: '三甲医院加价', amountFen: 1990 });
      expectOk(await admin.post(`/api/admin/price-rules/${rule.id}/disable`));
      // Switched off in Beijing: the all-cities rule does not come back there.
      expect(expectOk(await preview({ ...body, cityId: 2 })).quote.lines).toHaveLength(1);
    });
  });

  describe('the mini-program catalog', () => {
    it('lists the categories with the items offered in the city, at that city’s price, before login', async () => {
      const categories = expectOk(await t.http().get('/api/app/service-categories').query({ cityId: 2 }));
      expect(categories.map((c: { code: string }) => c.code)).toEqual(['outpatient', 'examination', 'inpatient_escort', 'inpatient_care', 'errand', 'home_care']);
      expect(categories[0]).toMatchObject({ name: '门诊陪诊' });
      const opd = categories[0].items[0];
      expect(opd).toEqual({
        id: await itemIdByCode(t, 'OPD-HALF'),
        code: 'OPD-HALF',
        name: '门诊陪诊（半天）',
        description: expect.any(String),
        includes: expect.arrayContaining(['候诊陪同']),
        preparation: ['就诊人身份证', '医保卡或就诊卡', '既往病历与检查报告'],
        pricingUnit: 'half_day',
        unitLabel: '半天',
        unitPriceFen: 21900,
        minDurationMinutes: 120,
        maxDurationMinutes: 240,
        defaultDurationMinutes: 240,
        isErrand: false,
      });
      const errands = categories.find((c: { code: string }) => c.code === 'errand');
      expect(errands.items.every((i: { isErrand: boolean }) => i.isErrand)).toBe(true);
    });

    it('leaves out disabled items and items without a price in the city', async () => {
      const codes = (cats: { items: { code: string }[] }[]) => cats.flatMap(c => c.items.map(i => i.code));
      const shanghai = codes(expectOk(await t.http().get('/api/app/service-categories').query({ cityId: 1 })));
      expect(shanghai).not.toContain('OFF-ITEM');
      expect(shanghai).not.toContain('NO-CITY');
      expect(shanghai).toContain('OPD-HALF');
    });

    it('refuses a missing or unknown city', async () => {
      expectError(await t.http().get('/api/app/service-categories'), 400, 'VALIDATION_FAILED');
      expectError(await t.http().get('/api/app/service-categories').query({ cityId: 99 }), 422, 'CITY_NOT_FOUND');
    });
  });
});
