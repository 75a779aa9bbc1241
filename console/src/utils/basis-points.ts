/**
 * Rates are stored as basis points (1/10000, integers: 2000 = 20%) and edited as percentages with
 * at most two decimals. Rounding on the way back keeps float noise (0.29 * 100 = 28.999…) out.
 */
export function bpToPercent(bp: number): number {
  return bp / 100;
}

export function percentToBp(percent: number): number {
  return Math.round(percent * 100);
}

/** 2000 → '20%', 1250 → '12.5%'. */
export function formatBp(bp: number): string {
  return `${bpToPercent(bp)}%`;
}
