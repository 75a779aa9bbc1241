import { priceBreakdown, priceLinesTotal } from './price-lines';
import { orderDetail } from './test-fixtures';

describe('price lines', () => {
  it('add up base, surcharges and negative discounts to the order total', () => {
    expect(priceLinesTotal(orderDetail.priceLines)).toBe(23800);
    expect(priceBreakdown(orderDetail.priceLines, orderDetail.totalFen).consistent).toBe(true);
  });

  it('sum to zero when there are no lines', () => {
    expect(priceLinesTotal([])).toBe(0);
  });

  it('stay exact in fen where yuan floats would drift', () => {
    // 0.1 + 0.2 yuan as fen: no 0.30000000000000004 anywhere.
    expect(priceLinesTotal([{ amountFen: 10 }, { amountFen: 20 }])).toBe(30);
  });

  it('flag lines that do not add up to the stored total', () => {
    const breakdown = priceBreakdown(orderDetail.priceLines, 25800);
    expect(breakdown).toMatchObject({ sumFen: 23800, totalFen: 25800, consistent: false });
  });
});
