import { bpToPercent, formatBp, percentToBp } from './basis-points';

describe('basis points', () => {
  it('show as percent', () => {
    expect(bpToPercent(2000)).toBe(20);
    expect(bpToPercent(5000)).toBe(50);
    expect(bpToPercent(1250)).toBe(12.5);
    expect(bpToPercent(0)).toBe(0);
    expect(formatBp(2000)).toBe('20%');
    expect(formatBp(1234)).toBe('12.34%');
  });

  it('come back from percent as integers even where float multiplication drifts', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(percentToBp(0.29)).toBe(29);
    expect(percentToBp(12.34)).toBe(1234);
    expect(percentToBp(100)).toBe(10000);
  });

  it('round-trip every value from 0% to 100% in steps of 0.01%', () => {
    for (let bp = 0; bp <= 10000; bp++) expect(percentToBp(bpToPercent(bp))).toBe(bp);
  });
});
