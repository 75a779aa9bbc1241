import type { PriceLine } from '@/services/models';

/** Sum of the frozen quote lines (discounts are negative), in fen. Integers only, so exact. */
export function priceLinesTotal(lines: readonly Pick<PriceLine, 'amountFen'>[]): number {
  return lines.reduce((sum, line) => sum + line.amountFen, 0);
}

/** The lines as the price table shows them, with a flag when they do not add up to the order total. */
export function priceBreakdown(lines: readonly PriceLine[], totalFen: number) {
  const sumFen = priceLinesTotal(lines);
  return { lines, sumFen, totalFen, consistent: sumFen === totalFen };
}
