import type { PriceLine as CatalogPriceLine } from '../catalog/pricing';

/**
 * The price lines an order snapshots: the catalog's quote lines, frozen at booking, and — when the
 * customer's credit asks for one — the refundable deposit (押金) as a line of its own, outside the
 * service's price.
 */
export type PriceLine = CatalogPriceLine | (Omit<CatalogPriceLine, 'kind'> & { kind: 'deposit' });

/**
 * Where an order's deposit stands. `held`: booked with one (paid with the order, or still to be
 * paid); `refund_due`: the order completed, the payments job asks the channel to give it back;
 * `refunded`: it went back; `forfeited`: kept on a late cancellation or a no-show (platform
 * revenue, ledger `deposit_forfeit`); `returned`: cancelled in time, given back with the
 * cancellation refund; `void`: the order ended unpaid. `none`: no deposit.
 */
export type DepositStatus = 'none' | 'held' | 'refund_due' | 'refunded' | 'forfeited' | 'returned' | 'void';
