import { DEFAULT_SETTINGS } from '../../../../../backend/src/modules/settings/settings-defaults';
import {
  describeTiers,
  duplicateHours,
  mergeTemplates,
  rowsToTiers,
  templateEvents,
  tiersToRows,
  timeOfDayOptions,
} from './settings-form';

describe('cancellation tiers in the form', () => {
  it('show penalties as percent, largest hours first', () => {
    expect(tiersToRows([{ hoursBefore: 0, penaltyBp: 5000 }, { hoursBefore: 24, penaltyBp: 0 }, { hoursBefore: 2, penaltyBp: 2000 }])).toEqual([
      { hoursBefore: 24, penaltyPercent: 0 },
      { hoursBefore: 2, penaltyPercent: 20 },
      { hoursBefore: 0, penaltyPercent: 50 },
    ]);
  });

  it('save percentages back as integer basis points', () => {
    expect(rowsToTiers([{ hoursBefore: 0, penaltyPercent: 12.34 }, { hoursBefore: 6, penaltyPercent: 0.29 }])).toEqual([
      { hoursBefore: 6, penaltyBp: 29 },
      { hoursBefore: 0, penaltyBp: 1234 },
    ]);
  });

  it('round-trip the default tiers unchanged', () => {
    expect(rowsToTiers(tiersToRows(DEFAULT_SETTINGS.cancellation.tiers))).toEqual(DEFAULT_SETTINGS.cancellation.tiers);
  });

  it('find repeated hours, which the backend refuses', () => {
    expect(duplicateHours([{ hoursBefore: 24 }, { hoursBefore: 2 }, { hoursBefore: 24 }, {}])).toEqual([24]);
    expect(duplicateHours([{ hoursBefore: 24 }, { hoursBefore: 2 }])).toEqual([]);
  });

  it('explain each tier in one sentence', () => {
    expect(describeTiers(DEFAULT_SETTINGS.cancellation.tiers)).toEqual([
      '开始前 24 小时及以上取消：违约金 0%',
      '开始前 2–24 小时取消：违约金 20%',
      '开始前 0–2 小时（含开始后）取消：违约金 50%',
    ]);
  });
});

describe('time of day options', () => {
  it('step through the day and keep a stored value that is off the grid', () => {
    const options = timeOfDayOptions(15, ['07:10']).map((o) => o.value);
    expect(options[0]).toBe('00:00');
    expect(options).toContain('23:45');
    expect(options).toContain('07:10');
    expect(options.length).toBe(24 * 4 + 1);
  });
});

describe('notification templates', () => {
  const stored = DEFAULT_SETTINGS.notifications.templates as Record<string, { title: string; body: string; channels: ('in_app' | 'wechat' | 'sms')[] }>;

  it('list every stored event, labelled ones first', () => {
    expect(templateEvents(stored).sort()).toEqual(Object.keys(stored).sort());
    expect(templateEvents({ ...stored, brand_new: stored.order_paid }).at(-1)).toBe('brand_new');
  });

  it('save every event, with the edits laid over the stored templates', () => {
    const merged = mergeTemplates(stored, { order_paid: { title: ' 支付完成 ', channels: ['in_app'] } });
    expect(Object.keys(merged).sort()).toEqual(Object.keys(stored).sort());
    expect(merged.order_paid).toEqual({ title: '支付完成', body: stored.order_paid.body, channels: ['in_app'] });
    expect(merged.order_closed).toEqual(stored.order_closed);
  });
});
