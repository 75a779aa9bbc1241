import { startTestApp, staffToken, TestApp } from '../helpers/test-app';
import { bearer, expectError, expectOk } from '../helpers/http';

const dialect = process.env.TEST_DB === 'mysql' ? 'MariaDB/MySQL' : 'SQLite';

/** Chinese substring search through the text index, run on both databases by the two test runs. */
describe(`hospital search on ${dialect}`, () => {
  let t: TestApp;
  let ops: string;

  beforeAll(async () => {
    t = await startTestApp();
    ops = await staffToken(t, 'ops');
    const hospital = (name: string, alias: string, address: string) => ({
      cityId: 1,
      name,
      alias,
      grade: '三乙',
      address,
      phone: '021-1234567',
    });
    const h1 = expectOk(await t.http().post('/api/admin/hospitals').set(bearer(ops)).send(hospital('上海 MRI 影像中心', '', '上海市静安区 CT 路 2号楼')));
    expectOk(await t.http().post(`/api/admin/hospitals/${h1.id}/departments`).set(bearer(ops)).send({ name: 'B超室' }));
    expectOk(await t.http().post('/api/admin/hospitals').set(bearer(ops)).send(hospital('浦东测试医院', '', '上海市浦东新区协和路1号')));
  });
  afterAll(async () => {
    await t.close();
  });

  const app = (query: Record<string, unknown>) => t.http().get('/api/app/hospitals').query(query);
  const names = (page: { list: { name: string }[] }) => page.list.map(h => h.name);

  it('finds 北京协和医院 by 协和, by a middle piece and by its full name', async () => {
    for (const keyword of ['协和', '协和医', '京协', '北京协和医院']) {
      expect(names(expectOk(await app({ keyword, cityId: 2 })))).toEqual(['北京协和医院']);
    }
  });

  it('ranks a hit in the name above a hit in another hospital’s address', async () => {
    const page = expectOk(await app({ keyword: '协和' }));
    expect(names(page)).toEqual(['北京协和医院', '浦东测试医院']);
    expect(page.total).toBe(2);
  });

  it('finds a hospital by its alias, its address and its departments', async () => {
    expect(names(expectOk(await app({ keyword: '中山' })))).toEqual(['复旦大学附属中山医院']);
    expect(names(expectOk(await app({ keyword: '六院' })))).toEqual(['上海市第六人民医院']);
    expect(names(expectOk(await app({ keyword: '枫林路' })))).toEqual(['复旦大学附属中山医院']);
    expect(names(expectOk(await app({ keyword: '风湿免疫' })))).toEqual(['北京协和医院']);
    expect(names(expectOk(await app({ keyword: '内分泌', cityId: 1 }))).sort()).toEqual(['上海交通大学医学院附属瑞金医院', '上海市第六人民医院']);
  });

  it('matches mixed ASCII and digits regardless of case and width', async () => {
    for (const keyword of ['mri', 'MRI', 'ＭＲＩ', 'b超', 'ct路', '2号楼']) {
      expect({ keyword, names: names(expectOk(await app({ keyword }))) }).toEqual({ keyword, names: ['上海 MRI 影像中心'] });
    }
  });

  it('finds by a single character', async () => {
    expect(names(expectOk(await app({ keyword: '瑞' })))).toEqual(['上海交通大学医学院附属瑞金医院']);
  });

  it('finds nothing for characters out of order, an unknown word or punctuation only', async () => {
    for (const keyword of ['和协', '协医', '牙科诊所', '，，']) {
      expect({ keyword, names: names(expectOk(await app({ keyword }))) }).toEqual({ keyword, names: [] });
    }
  });

  it('keeps the city filter and paging with a keyword', async () => {
    expect(expectOk(await app({ keyword: '医院', cityId: 2 })).total).toBe(2);
    const first = expectOk(await app({ keyword: '医院', pageSize: 2, page: 1 }));
    const second = expectOk(await app({ keyword: '医院', pageSize: 2, page: 2 }));
    expect(first.total).toBe(second.total);
    expect(first.total).toBeGreaterThanOrEqual(6);
    expect(names(first).filter(n => names(second).includes(n))).toEqual([]);
  });

  it('searches within the staff member’s cities in the console', async () => {
    expect(expectOk(await t.http().get('/api/admin/hospitals').query({ keyword: '协和' }).set(bearer(ops))).list.map((h: { name: string }) => h.name)).toEqual([
      '浦东测试医院',
    ]);
    expectError(await t.http().get('/api/admin/hospitals').query({ keyword: '协和', cityId: 2 }).set(bearer(ops)), 403, 'CITY_SCOPE_FORBIDDEN');
  });

  it('refuses a keyword longer than 32 characters and unknown query fields with 400', async () => {
    expectError(await app({ keyword: '医'.repeat(33) }), 400, 'VALIDATION_FAILED');
    expectError(await app({ sort: 'name' }), 400, 'VALIDATION_FAILED');
  });
});
