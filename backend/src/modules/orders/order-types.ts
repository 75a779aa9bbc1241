/** The price lines an order snapshots are the catalog's quote lines, frozen at booking. */
export type { PriceLine } from '../catalog/pricing';
