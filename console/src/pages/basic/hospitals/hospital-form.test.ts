import { coordinatesProblem, toHospitalBody, toHospitalFormValues } from './hospital-form';

const values = {
  cityId: 1,
  name: ' 复旦大学附属中山医院 ',
  alias: '中山医院',
  grade: '三甲',
  address: '上海市徐汇区枫林路180号',
  latitude: '31.196300',
  longitude: ' 121.4539 ',
  phone: '021-64041990',
};

describe('hospital form', () => {
  it('sends trimmed text and keeps coordinates as text, digit for digit', () => {
    expect(toHospitalBody(values)).toEqual({
      cityId: 1,
      name: '复旦大学附属中山医院',
      alias: '中山医院',
      grade: '三甲',
      address: '上海市徐汇区枫林路180号',
      latitude: '31.196300',
      longitude: '121.4539',
      phone: '021-64041990',
      outpatientHours: '',
      visitingHours: '',
      intro: null,
    });
  });

  it('sends null for coordinates and intro left empty', () => {
    expect(toHospitalBody({ ...values, latitude: '', longitude: undefined, intro: '  ' })).toMatchObject({
      latitude: null,
      longitude: null,
      intro: null,
    });
  });

  it('fills the form from a hospital', () => {
    expect(
      toHospitalFormValues({
        id: 1,
        cityId: 1,
        cityName: '上海',
        name: 'n',
        alias: '',
        grade: '三甲',
        address: 'a',
        latitude: null,
        longitude: null,
        phone: 'p',
        outpatientHours: '',
        visitingHours: '',
        intro: null,
        enabled: true,
        createdAt: '',
        updatedAt: '',
      }),
    ).toMatchObject({ latitude: undefined, longitude: undefined, intro: undefined });
  });

  it('wants both coordinates or neither, each in range with at most 6 decimals', () => {
    expect(coordinatesProblem('31.1', '')).toBe('经度和纬度需同时填写');
    expect(coordinatesProblem('', '')).toBeNull();
    expect(coordinatesProblem('31.1234567', '121')).toMatch(/纬度/);
    expect(coordinatesProblem('91', '121')).toMatch(/纬度/);
    expect(coordinatesProblem('31', '181')).toMatch(/经度/);
    expect(coordinatesProblem('-31.5', '-121.000001')).toBeNull();
  });
});
