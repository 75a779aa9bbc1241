import dayjs from 'dayjs';
import { rangeProblem, toNoticeBody, toNoticeFormValues } from './notice-form';

describe('notice form', () => {
  it('sends the picked Shanghai times as UTC and trims the text', () => {
    expect(
      toNoticeBody({
        hospitalId: 1,
        title: ' CT 机维修 ',
        content: ' 改至急诊楼 ',
        level: 'warning',
        range: [dayjs('2026-06-01 08:00'), dayjs('2026-06-08 00:00')],
      }),
    ).toEqual({
      departmentId: null,
      title: 'CT 机维修',
      content: '改至急诊楼',
      level: 'warning',
      startsAt: '2026-06-01T00:00:00.000Z',
      endsAt: '2026-06-07T16:00:00.000Z',
    });
  });

  it('round-trips a stored notice through the form', () => {
    const values = toNoticeFormValues({
      id: 1,
      hospitalId: 3,
      hospitalName: '医院',
      departmentId: 7,
      departmentName: '放射科',
      title: 't',
      content: 'c',
      level: 'info',
      startsAt: '2026-06-01T00:00:00.000Z',
      endsAt: '2026-06-07T16:00:00.000Z',
      status: 'upcoming',
    });
    expect(values.range.map((d) => d.format('YYYY-MM-DD HH:mm'))).toEqual(['2026-06-01 08:00', '2026-06-08 00:00']);
    expect(toNoticeBody(values)).toMatchObject({ departmentId: 7, startsAt: '2026-06-01T00:00:00.000Z', endsAt: '2026-06-07T16:00:00.000Z' });
  });

  it('wants an end after the start', () => {
    expect(rangeProblem(undefined)).toBe('请选择生效时间');
    expect(rangeProblem([dayjs('2026-06-01 08:00'), dayjs('2026-06-01 08:00')])).toBe('结束时间必须晚于开始时间');
    expect(rangeProblem([dayjs('2026-06-01 08:00'), dayjs('2026-06-01 09:00')])).toBeNull();
  });
});
