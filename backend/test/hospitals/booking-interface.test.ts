import { startTestApp, TestApp } from '../helpers/test-app';
import { HospitalService } from '../../src/modules/hospitals/hospital.service';
import { Hospital } from '../../src/modules/hospitals/hospital.entity';
import { HospitalDepartment } from '../../src/modules/hospitals/hospital-department.entity';
import { StepTemplate } from '../../src/modules/hospitals/step-template.entity';

/** The methods the orders module books with: their shapes and their refusals. */
describe('HospitalService for booking', () => {
  let t: TestApp;
  let service: HospitalService;
  let open: Hospital;
  let closed: Hospital;
  let other: Hospital;
  let dept: HospitalDepartment;

  beforeAll(async () => {
    t = await startTestApp();
    service = await t.app.getApplicationContext().getAsync(HospitalService);
    const hospitals = t.dataSource.getRepository(Hospital);
    const base = { cityId: 1, grade: '三甲', address: '测试路1号', phone: '021-00000000' };
    open = await hospitals.save(hospitals.create({ ...base, name: '订单测试医院', latitudeE6: 31197845, longitudeE6: 121454800 }));
    closed = await hospitals.save(hospitals.create({ ...base, name: '已停用医院', enabled: false }));
    other = await hospitals.save(hospitals.create({ ...base, name: '另一家医院' }));
    dept = await t.dataSource
      .getRepository(HospitalDepartment)
      .save({ hospitalId: open.id, name: '心内科', building: '门诊楼', floor: '3F', room: '312' });
    await t.dataSource.getRepository(StepTemplate).save({ hospitalId: open.id, categoryCode: 'outpatient', steps: ['在 2 号门集合', '1 楼自助挂号', '3 楼心内科候诊'] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives an enabled hospital with its city, grade, address and coordinates', async () => {
    await expect(service.getForBooking(open.id)).resolves.toEqual({
      id: open.id,
      cityId: 1,
      name: '订单测试医院',
      grade: '三甲',
      address: '测试路1号',
      latitudeE6: 31197845,
      longitudeE6: 121454800,
    });
  });

  it('refuses a disabled or missing hospital with 404 HOSPITAL_NOT_FOUND', async () => {
    await expect(service.getForBooking(closed.id)).rejects.toMatchObject({ status: 404, code: 'HOSPITAL_NOT_FOUND' });
    await expect(service.getForBooking(999999)).rejects.toMatchObject({ status: 404, code: 'HOSPITAL_NOT_FOUND' });
  });

  it('gives a department of the hospital and refuses it under another hospital', async () => {
    await expect(service.getDepartment(open.id, dept.id)).resolves.toEqual({
      id: dept.id,
      hospitalId: open.id,
      name: '心内科',
      building: '门诊楼',
      floor: '3F',
      room: '312',
    });
    await expect(service.getDepartment(other.id, dept.id)).rejects.toMatchObject({ status: 404, code: 'DEPARTMENT_NOT_FOUND' });
    await expect(service.getDepartment(open.id, 999999)).rejects.toMatchObject({ status: 404, code: 'DEPARTMENT_NOT_FOUND' });
  });

  it('gives the ordered steps of a category, or null when the hospital keeps none', async () => {
    await expect(service.stepsFor(open.id, 'outpatient')).resolves.toEqual(['在 2 号门集合', '1 楼自助挂号', '3 楼心内科候诊']);
    await expect(service.stepsFor(open.id, 'errand')).resolves.toBeNull();
    await expect(service.stepsFor(other.id, 'outpatient')).resolves.toBeNull();
  });
});
