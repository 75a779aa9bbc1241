import { bearer, cipherOf, expectError, expectOk } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { City } from '../../src/modules/cities/city.entity';
import { Escort } from '../../src/modules/escorts/escort.entity';
import { ESCORT } from './workforce-fixtures';

jest.setTimeout(120_000);

/** Every key a customer may see of an escort in the list; the profile adds cityId and servedHospitals. */
const PUBLIC_KEYS = [
  'ageBand',
  'ageBandLabel',
  'bio',
  'educationLabel',
  'experienceYears',
  'gender',
  'id',
  'level',
  'levelLabel',
  'name',
  'ordersServed',
  'photoUrl',
  'rating',
  'ratingCount',
  'serviceDistricts',
  'skillLabels',
  'skills',
];

const YEAR = new Date().getUTCFullYear();
const ID_CARD = '310104199001010011';

/**
 * Five active escorts in a city of their own (so the demo escorts never mix in), and one applicant
 * who must never show. Orders served and ratings are set directly: they are what the sorts read.
 */
const PEOPLE = [
  { key: 'a', name: '周一', phone: '13900000701', gender: 'female', level: 'trainee', born: YEAR - 25, exp: 1, districts: ['徐汇区'], skills: ['outpatient'], served: 5, stars: [9, 2] },
  { key: 'b', name: '吴二', phone: '13900000702', gender: 'male', level: 'junior', born: YEAR - 35, exp: 3, districts: ['静安区', '徐汇区'], skills: ['errand', '沪语'], served: 20, stars: [0, 0] },
  { key: 'c', name: '郑三', phone: '13900000703', gender: 'female', level: 'senior', born: YEAR - 45, exp: 8, districts: ['长宁区'], skills: ['outpatient', 'examination'], served: 12, stars: [25, 5] },
  { key: 'd', name: '王四', phone: '13900000704', gender: 'male', level: 'expert', born: YEAR - 55, exp: 15, districts: ['黄浦区'], skills: ['inpatient_escort', '50%_off'], served: 12, stars: [14, 4] },
  { key: 'e', name: '冯五', phone: '13900000705', gender: 'female', level: 'junior', born: null, exp: 0, districts: [], skills: [], served: 0, stars: [0, 0] },
] as const;

describe('the customers’ escort list: filters, sorts and paging in the database, public fields only', () => {
  let t: TestApp;
  let cityId: number;
  const ids: Record<string, number> = {};
  const nameOf = (id: number) => PEOPLE.find(p => ids[p.key] === id)?.name ?? `#${id}`;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await staffToken(t, 'admin');
    cityId = (await t.dataSource.getRepository(City).save({ code: '320500', name: '苏州', enabled: true })).id;
    const cipher = await cipherOf(t);
    for (const p of PEOPLE) {
      const created = expectOk(
        await t
          .http()
          .post('/api/admin/escorts')
          .set(bearer(admin))
          .send({ cityId, name: p.name, phone: p.phone, gender: p.gender, level: p.level, experienceYears: p.exp, serviceDistricts: p.districts, skills: p.skills, baseAddress: '苏州市姑苏区人民路 1 号', baseLatitude: '31.300000', baseLongitude: '120.600000' })
      );
      ids[p.key] = created.id;
      await t.dataSource.getRepository(Escort).update(created.id, {
        status: 'active',
        birthYear: p.born,
        ordersServed: p.served,
        ratingTotal: p.stars[0],
        ratingCount: p.stars[1],
        ...(p.key === 'a' ? { idCardEnc: cipher.encrypt(ID_CARD), idCardHash: cipher.keyedHash(ID_CARD) } : {}),
      });
    }
    expectOk(await t.http().post('/api/admin/escorts').set(bearer(admin)).send({ cityId, name: '陈六', phone: '13900000706', gender: 'female' }));
  });
  afterAll(() => t.close());

  const list = async (query: Record<string, unknown>) => expectOk(await t.http().get('/api/app/escorts').query({ cityId, ...query }));
  const names = async (query: Record<string, unknown>) => (await list(query)).list.map((e: any) => nameOf(e.id));

  it('lists the city’s active escorts, most orders served first (ties by id), without applicants', async () => {
    const page = await list({});
    expect(page.total).toBe(5);
    expect(page.list.map((e: any) => nameOf(e.id))).toEqual(['吴二', '郑三', '王四', '周一', '冯五']);
  });

  it.each([
    ['gender female', { gender: 'female' }, ['郑三', '周一', '冯五']],
    ['gender male', { gender: 'male' }, ['吴二', '王四']],
    ['age band under 30', { ageBand: 'under_30' }, ['周一']],
    ['age band 30-39', { ageBand: '30_39' }, ['吴二']],
    ['age band 40-49', { ageBand: '40_49' }, ['郑三']],
    ['age band 50 and over', { ageBand: '50_plus' }, ['王四']],
    ['at least 3 years of experience', { minExperienceYears: 3 }, ['吴二', '郑三', '王四']],
    ['at least 8 years of experience', { minExperienceYears: 8 }, ['郑三', '王四']],
    ['at least 0 years of experience', { minExperienceYears: 0 }, ['吴二', '郑三', '王四', '周一', '冯五']],
    ['level senior', { level: 'senior' }, ['郑三']],
    ['level junior', { level: 'junior' }, ['吴二', '冯五']],
    ['district 徐汇区', { district: '徐汇区' }, ['吴二', '周一']],
    ['part of a district name (no match)', { district: '徐汇' }, []],
    ['skill outpatient', { skill: 'outpatient' }, ['郑三', '周一']],
    ['a skill with LIKE wildcards, literally', { skill: '50%_off' }, ['王四']],
    ['a wildcard that is not a skill', { skill: '%' }, []],
    ['women with at least a year, by rating', { gender: 'female', minExperienceYears: 1, sort: 'rating' }, ['郑三', '周一']],
    ['every filter at once', { gender: 'female', ageBand: '40_49', minExperienceYears: 5, level: 'senior', district: '长宁区', skill: 'examination' }, ['郑三']],
  ])('filters by %s', async (_label, query, expected) => {
    expect(await names(query)).toEqual(expected);
    expect((await list(query)).total).toBe(expected.length);
  });

  it('sorts by rating: best average first, unrated last (by orders served)', async () => {
    const page = await list({ sort: 'rating' });
    expect(page.list.map((e: any) => [nameOf(e.id), e.rating])).toEqual([
      ['郑三', 5],
      ['周一', 4.5],
      ['王四', 3.5],
      ['吴二', null],
      ['冯五', null],
    ]);
    expect(await names({ sort: 'orders' })).toEqual(['吴二', '郑三', '王四', '周一', '冯五']);
  });

  it('pages through the filtered list with the total of all pages', async () => {
    expect(await list({ pageSize: 2, page: 1 })).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(await names({ pageSize: 2, page: 1 })).toEqual(['吴二', '郑三']);
    expect(await names({ pageSize: 2, page: 2 })).toEqual(['王四', '周一']);
    expect(await names({ pageSize: 2, page: 3 })).toEqual(['冯五']);
    expect(await list({ pageSize: 2, page: 4 })).toMatchObject({ total: 5, list: [] });
  });

  it.each([
    ['an unknown gender', { gender: 'x' }],
    ['an unknown age band', { ageBand: '60s' }],
    ['a negative experience', { minExperienceYears: -1 }],
    ['experience that is not a number', { minExperienceYears: 'abc' }],
    ['fractional experience', { minExperienceYears: 1.5 }],
    ['experience over 50 years', { minExperienceYears: 51 }],
    ['an unknown level (levels do not set prices)', { level: 'vip' }],
    ['a price filter (prices do not depend on the escort)', { maxPriceFen: 20000 }],
    ['an unknown sort', { sort: 'price' }],
    ['page 0', { page: 0 }],
    ['a page size over 100', { pageSize: 101 }],
    ['an unknown parameter', { birthYear: 1990 }],
    ['a district over 16 characters', { district: '区'.repeat(17) }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, query) => {
    const res = await t.http().get('/api/app/escorts').query({ cityId, ...query });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errorMessage).toMatch(/^请求参数不正确：/);
  });

  it('refuses a list without a city', async () => {
    expectError(await t.http().get('/api/app/escorts').query({ gender: 'female' }), 400, 'VALIDATION_FAILED');
  });

  it('shows public fields only: an age band, never the phone, ID number, birth year, age or home location', async () => {
    const page = await list({ pageSize: 100 });
    for (const e of page.list) expect(Object.keys(e).sort()).toEqual(PUBLIC_KEYS);
    const a = page.list.find((e: any) => e.id === ids.a);
    expect(a).toMatchObject({ ageBand: 'under_30', ageBandLabel: '30岁以下', levelLabel: '见习', skills: ['outpatient'], skillLabels: ['门诊陪诊'], rating: 4.5, ratingCount: 2, ordersServed: 5 });
    expect(page.list.find((e: any) => e.id === ids.e)).toMatchObject({ ageBand: null, ageBandLabel: '' });
    const text = JSON.stringify(page);
    for (const secret of ['1390000070', ID_CARD, String(YEAR - 25), 'phone', 'idCard', 'birth', 'base', '人民路', '31.3', 'status', 'commission', 'ratingTotal']) {
      expect(text).not.toContain(secret);
    }
  });

  it('shows a profile with the same public fields, the city and the hospitals served; applicants and unknown escorts are 404', async () => {
    const c = expectOk(await t.http().get(`/api/app/escorts/${ids.c}`));
    expect(Object.keys(c).sort()).toEqual([...PUBLIC_KEYS, 'cityId', 'servedHospitals'].sort());
    expect(c).toMatchObject({ cityId, ageBand: '40_49', servedHospitals: [] });
    const text = JSON.stringify(expectOk(await t.http().get(`/api/app/escorts/${ids.a}`)));
    for (const secret of ['1390000070', ID_CARD, 'phone', 'idCard', 'birth', 'base', '人民路']) expect(text).not.toContain(secret);
    // 李静 completed a demo order at 中山医院.
    const liJing = expectOk(await t.http().get(`/api/app/escorts/${ESCORT.liJing}`));
    expect(liJing.servedHospitals).toEqual([expect.objectContaining({ name: '复旦大学附属中山医院', orders: expect.any(Number) })]);
    expect(liJing.servedHospitals[0].orders).toBeGreaterThanOrEqual(1);
    const applicant = (await t.dataSource.getRepository(Escort).findOneByOrFail({ name: '陈六' })).id;
    expectError(await t.http().get(`/api/app/escorts/${applicant}`), 404, 'NOT_FOUND');
    expectError(await t.http().get('/api/app/escorts/999999'), 404, 'NOT_FOUND');
  });

  it('reads a city’s active escorts in list order through the index (SQLite plan)', async () => {
    if (process.env.TEST_DB === 'mysql') return; // MySQL's optimizer picks by statistics, which a handful of rows do not settle.
    const plan: { detail: string }[] = await t.dataSource.query(
      "EXPLAIN QUERY PLAN SELECT id FROM escorts WHERE city_id = ? AND status = 'active' ORDER BY orders_served DESC, id ASC LIMIT 20",
      [cityId]
    );
    const text = plan.map(p => p.detail).join(' | ');
    expect(text).toContain('idx_escorts_public_list');
  });
});
