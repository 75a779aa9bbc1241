import { postpayBalance } from './postpay-balance';

const charge = (amountFen: number, status: 'pending' | 'confirmed' | 'rejected' = 'confirmed') => ({ amountFen, status });
const pay = (amountFen: number, status: 'pending' | 'succeeded' | 'closed' | 'failed' = 'succeeded', extra: Partial<{ purpose: 'prepay' | 'postpay'; appliedToOrder: boolean }> = {}) => ({
  amountFen,
  status,
  purpose: 'postpay' as const,
  appliedToOrder: status === 'succeeded',
  ...extra,
});

describe('the postpay balance', () => {
  it('is none for an order without extra charges, whatever its prepayment', () => {
    expect(postpayBalance([], [pay(19900, 'succeeded', { purpose: 'prepay' })])).toEqual({ state: 'none', chargedFen: 0, paidFen: 0, dueFen: 0, awaitingConfirmationFen: 0 });
  });

  it('counts only confirmed charges as due; pending ones wait for the customer, rejected ones never count', () => {
    expect(postpayBalance([charge(1250), charge(800, 'pending'), charge(5000, 'rejected')], [])).toMatchObject({ state: 'unpaid', chargedFen: 1250, dueFen: 1250, awaitingConfirmationFen: 800 });
    expect(postpayBalance([charge(800, 'pending')], [])).toMatchObject({ state: 'awaiting_confirmation', dueFen: 0 });
  });

  it('is paying while a postpay payment is open and paid once applied payments cover the charges', () => {
    expect(postpayBalance([charge(1250)], [pay(1250, 'pending')])).toMatchObject({ state: 'paying', dueFen: 1250 });
    expect(postpayBalance([charge(1250)], [pay(1250, 'closed'), pay(1250)])).toMatchObject({ state: 'paid', paidFen: 1250, dueFen: 0 });
  });

  it('asks only for what a later confirmed charge added', () => {
    expect(postpayBalance([charge(1250), charge(310)], [pay(1250)])).toMatchObject({ state: 'unpaid', chargedFen: 1560, paidFen: 1250, dueFen: 310 });
  });

  it('ignores money that was not applied to the order (refunded in full as a late payment)', () => {
    expect(postpayBalance([charge(1250)], [pay(1250), { ...pay(1250), appliedToOrder: false }])).toMatchObject({ paidFen: 1250, dueFen: 0, state: 'paid' });
  });
});
