import type { Candidate } from '@/services/workforce-models';
import {
  assignCheck,
  barBox,
  defaultAssignReason,
  distanceText,
  poolFlagLabels,
  poolFlags,
  scoreParts,
  spanInWindow,
  visibleHours,
  waitingText,
} from './dispatch-format';

const flags = (over: Partial<Record<'within24h' | 'within2h' | 'started' | 'declined' | 'returned', boolean>>) => ({
  flags: { within24h: false, within2h: false, started: false, declined: false, returned: false, ...over },
});

function candidate(over: Partial<Candidate> = {}): Candidate {
  return {
    rank: 1,
    escortId: 1,
    name: '李静',
    level: 'senior',
    levelLabel: '中级',
    tier: 'available',
    available: true,
    overridable: false,
    reasons: [],
    missingQualifications: [],
    score: 96.5,
    parts: { availability: 30, distance: 22.5, skills: 15, credentials: 10, rating: 9, load: 10, familiarity: 0 },
    distanceMeters: 2300,
    todayLoad: 0,
    rating: 4.8,
    ratingCount: 12,
    servedCustomerBefore: false,
    current: false,
    ...over,
  };
}

// Shanghai midnight of 2026-11-24 in UTC.
const DAY = '2026-11-23T16:00:00.000Z';

describe('pool flags', () => {
  it('show only the most urgent of started / 2 h / 24 h, then declines and returns', () => {
    expect(poolFlags(flags({ within24h: true, within2h: true, started: true, declined: true }))).toEqual(['started', 'declined']);
    expect(poolFlags(flags({ within24h: true, within2h: true }))).toEqual(['within2h']);
    expect(poolFlagLabels(flags({ within24h: true, returned: true }))).toEqual(['24 小时内开始', '退回派单池']);
    expect(poolFlags(flags({}))).toEqual([]);
  });

  it('say how long an order waited in minutes, hours or days', () => {
    expect(waitingText(null)).toBe('-');
    expect(waitingText(45)).toBe('45 分钟');
    expect(waitingText(135)).toBe('2 小时 15 分钟');
    expect(waitingText(60 * 26)).toBe('1 天 2 小时');
  });
});

describe('candidates', () => {
  it('list every part of the score in one order with its maximum', () => {
    const parts = scoreParts({ distance: 12.345, availability: 30 });
    expect(parts.map((p) => p.label)).toEqual(['可用', '距离', '技能', '资质', '评分', '当日负荷', '服务过该客户']);
    expect(parts[1]).toEqual({ part: 'distance', label: '距离', points: 12.3, max: 25 });
    expect(parts[2].points).toBe(0);
  });

  it('show distance in metres or kilometres, or say it is unknown', () => {
    expect(distanceText(null)).toBe('位置未知');
    expect(distanceText(850)).toBe('850 米');
    expect(distanceText(12_345)).toBe('12.3 公里');
  });

  it('let an available escort be assigned without force', () => {
    expect(assignCheck(candidate(), false)).toEqual({ ok: true, force: false });
  });

  it('ask the dispatcher to confirm an out-of-shift exception, then send force', () => {
    const outside = candidate({ available: false, overridable: true, tier: 'overridable', reasons: [{ code: 'outside_shift', label: '不在排班时间内' }] });
    expect(assignCheck(outside, false)).toEqual({ ok: false, message: '请确认例外：不在排班时间内' });
    expect(assignCheck(outside, true)).toEqual({ ok: true, force: true });
  });

  it('never let a hard reason through, nor the current escort, nor nobody', () => {
    const onLeave = candidate({ available: false, overridable: false, reasons: [{ code: 'on_leave', label: '请假中' }] });
    expect(assignCheck(onLeave, true)).toEqual({ ok: false, message: '不可派单：请假中' });
    expect(assignCheck(candidate({ current: true }), false).ok).toBe(false);
    expect(assignCheck(undefined, false)).toEqual({ ok: false, message: '请选择陪诊师' });
  });

  it('suggest a reason naming the pick', () => {
    expect(defaultAssignReason(candidate(), false)).toBe('派单：系统推荐第一名');
    expect(defaultAssignReason(candidate({ rank: 3 }), true)).toBe('改派：调度选择第 3 名');
    expect(defaultAssignReason(undefined, false)).toBe('');
  });
});

describe('day board geometry', () => {
  it('places a 09:00–11:00 bar by its Shanghai hours', () => {
    const box = barBox({ start: '2026-11-24T01:00:00.000Z', end: '2026-11-24T03:00:00.000Z' }, DAY);
    expect(box.left).toBeCloseTo(37.5);
    expect(box.width).toBeCloseTo(8.333, 2);
  });

  it('widens the visible hours to take in an early or late bar', () => {
    expect(visibleHours([], DAY)).toEqual([6, 22]);
    expect(visibleHours([{ start: '2026-11-23T21:30:00.000Z', end: '2026-11-23T23:00:00.000Z' }], DAY)).toEqual([5, 22]);
    expect(visibleHours([{ start: '2026-11-24T14:00:00.000Z', end: '2026-11-24T16:00:00.000Z' }], DAY)).toEqual([6, 24]);
  });

  it('clips a span to the visible window and drops one outside it', () => {
    const window: [number, number] = [8, 18];
    // 07:00–10:00 shows from 08:00: two of the window's ten hours.
    const box = spanInWindow({ start: '2026-11-23T23:00:00.000Z', end: '2026-11-24T02:00:00.000Z' }, DAY, window);
    expect(box).toEqual({ left: 0, width: 20 });
    expect(spanInWindow({ start: '2026-11-23T16:00:00.000Z', end: '2026-11-23T22:00:00.000Z' }, DAY, window)).toBeNull();
  });
});
