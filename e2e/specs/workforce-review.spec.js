// 资质审核: an applicant registered by ops applies through the escort API with real PNG uploads (ID card
// both sides and a health certificate); a reviewer sees the images beside the form and approves.
const assert = require('node:assert/strict');
const { login, ok, shanghaiDay, openFromMenu, cardPng, idCardNumber, uploadAsEscort, escortToken } = require('./workforce-helpers');

const APPLICANT_PHONE = '13900000008';

module.exports = {
  async 'a reviewer approves an application after seeing the uploaded ID card and certificate'({ page, base, shot, api }) {
    const staff = await api.staffToken('ops', 'Ops@123456');
    const cities = ok(await api.get('/api/admin/cities', { token: staff }), 'cities');
    const city = cities.find(c => c.name.includes('上海')) ?? cities[0];
    const escort = ok(await api.post('/api/admin/escorts', { cityId: city.id, name: '周芳', phone: APPLICANT_PHONE, gender: 'female' }, { token: staff }), 'register escort');
    assert.equal(escort.status, 'applicant');

    const token = await escortToken(api, APPLICANT_PHONE);
    const front = await uploadAsEscort(base, token, 'id_front', 'id-front.png', cardPng(320, 200, [64, 150, 230]));
    const back = await uploadAsEscort(base, token, 'id_back', 'id-back.png', cardPng(320, 200, [230, 120, 64]));
    const certFile = await uploadAsEscort(base, token, 'credential', 'health.png', cardPng(240, 320, [90, 190, 120]));
    ok(
      await api.post(
        '/api/escort/application',
        {
          realName: '周芳',
          idCardNo: idCardNumber('19880605'),
          idFrontFileId: front,
          idBackFileId: back,
          education: 'college',
          experienceYears: 3,
          serviceDistricts: ['徐汇区'],
          skills: ['老年', '沪语'],
          bio: '做过三年护工，熟悉中山医院',
        },
        { token },
      ),
      'apply',
    );
    ok(
      await api.post(
        '/api/escort/credentials',
        { typeCode: 'health_cert', certificateNo: 'JK-2026-0001', issuedOn: shanghaiDay(-30), expiresOn: shanghaiDay(20), fileId: certFile },
        { token },
      ),
      'submit health certificate',
    );

    await login(page, base, 'ops', 'Ops@123456');
    await openFromMenu(page, '陪诊师管理', '资质审核', '/workforce/reviews');
    const row = page.locator('.ant-table-row', { hasText: '周芳' });
    await row.waitFor({ timeout: 20000 });
    await shot('review-queue');
    await row.getByRole('button', { name: /审\s*核/ }).click();
    await page.waitForURL(url => /^\/workforce\/reviews\/\d+$/.test(url.pathname), { timeout: 15000 });

    // The images come through authenticated requests and show as object URLs.
    for (const alt of ['身份证人像面', '身份证国徽面']) {
      const img = page.getByAltText(alt);
      await img.waitFor({ timeout: 20000 });
      assert.match(await img.getAttribute('src'), /^blob:/);
      await page.waitForFunction(a => document.querySelector(`img[alt="${a}"]`)?.naturalWidth > 0, alt);
    }
    await page.getByText('做过三年护工，熟悉中山医院').waitFor();
    await page.getByText('健康证').first().waitFor();
    await page.getByText('20 天后到期').waitFor();
    await shot('review-screen');

    await page.getByRole('button', { name: /通\s*过/ }).first().click();
    const dialog = page.locator('.ant-modal-content', { hasText: '通过：入驻申请' });
    await dialog.getByRole('button', { name: '确认通过' }).click();
    await page.locator('.ant-page-header .ant-tag, .ant-pro-page-container .ant-tag', { hasText: '已通过' }).first().waitFor({ timeout: 20000 });
    await page.getByText(/通过入驻申请/).first().waitFor();
    await shot('review-approved');

    const after = ok(await api.get(`/api/admin/escorts/${escort.id}`, { token: staff }), 'escort');
    assert.equal(after.status, 'active');
    assert.equal(after.name, '周芳');
  },
};
