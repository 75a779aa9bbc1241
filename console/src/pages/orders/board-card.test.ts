import { BOARD_COLORS, boardCardAppearance, hourLabel } from './board-card';

describe('board card appearance', () => {
  it('is plain for an assigned order on time', () => {
    expect(boardCardAppearance({ unassigned: false, late: false })).toEqual({ borderColor: BOARD_COLORS.normal, tags: [] });
  });

  it('frames an unassigned order orange with the tag 未派单', () => {
    expect(boardCardAppearance({ unassigned: true, late: false })).toEqual({
      borderColor: BOARD_COLORS.unassigned,
      tags: [{ key: 'unassigned', label: '未派单', color: 'orange' }],
    });
  });

  it('frames a probably late order red with the tag 可能迟到', () => {
    expect(boardCardAppearance({ unassigned: false, late: true })).toEqual({
      borderColor: BOARD_COLORS.late,
      tags: [{ key: 'late', label: '可能迟到', color: 'red' }],
    });
  });

  it('lets lateness win the border when both apply, keeping both tags', () => {
    const look = boardCardAppearance({ unassigned: true, late: true });
    expect(look.borderColor).toBe(BOARD_COLORS.late);
    expect(look.tags.map((t) => t.label)).toEqual(['可能迟到', '未派单']);
  });

  it('labels hours as HH:00', () => {
    expect(hourLabel(7)).toBe('07:00');
    expect(hourLabel(18)).toBe('18:00');
  });
});
