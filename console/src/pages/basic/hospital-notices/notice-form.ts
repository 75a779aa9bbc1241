import type { Dayjs } from 'dayjs';
import type { HospitalNotice } from '@/services/models';
import type { NoticeLevelCode } from '@/constants/enums';
import { shanghaiWallClockToUtc, utcToShanghaiWallClock } from '@/utils/time';

export interface NoticeFormValues {
  hospitalId: number;
  departmentId?: number | null;
  title: string;
  content: string;
  level: NoticeLevelCode;
  /** Picked in Shanghai wall-clock time: [start, end). */
  range: [Dayjs, Dayjs];
}

/** The request body; the range goes out as UTC instants. */
export function toNoticeBody(values: NoticeFormValues): API.NoticeInputDTO {
  return {
    departmentId: values.departmentId ?? null,
    title: values.title.trim(),
    content: values.content.trim(),
    level: values.level,
    startsAt: shanghaiWallClockToUtc(values.range[0]),
    endsAt: shanghaiWallClockToUtc(values.range[1]),
  };
}

export function toNoticeFormValues(n: HospitalNotice): NoticeFormValues {
  return {
    hospitalId: n.hospitalId,
    departmentId: n.departmentId,
    title: n.title,
    content: n.content,
    level: n.level,
    range: [utcToShanghaiWallClock(n.startsAt), utcToShanghaiWallClock(n.endsAt)],
  };
}

/** The end must come after the start (the window is half-open, so equal times would show nothing). */
export function rangeProblem(range: [Dayjs, Dayjs] | undefined): string | null {
  if (!range || !range[0] || !range[1]) return '请选择生效时间';
  return range[1].isAfter(range[0]) ? null : '结束时间必须晚于开始时间';
}
