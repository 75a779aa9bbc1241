/**
 * How a card on the board stands out: nobody assigned → orange, escort probably late → red (late
 * wins the border when both apply, since it is the more urgent one).
 */
export interface BoardCardFlags {
  unassigned: boolean;
  late: boolean;
}

export interface BoardCardAppearance {
  borderColor: string;
  tags: { key: 'late' | 'unassigned'; label: string; color: string }[];
}

export const BOARD_COLORS = { late: '#ff4d4f', unassigned: '#fa8c16', normal: '#f0f0f0' } as const;

export function boardCardAppearance(flags: BoardCardFlags): BoardCardAppearance {
  const tags: BoardCardAppearance['tags'] = [];
  if (flags.late) tags.push({ key: 'late', label: '可能迟到', color: 'red' });
  if (flags.unassigned) tags.push({ key: 'unassigned', label: '未派单', color: 'orange' });
  const borderColor = flags.late ? BOARD_COLORS.late : flags.unassigned ? BOARD_COLORS.unassigned : BOARD_COLORS.normal;
  return { borderColor, tags };
}

/** `9` → `09:00`. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
