/** A price line as snapshotted on the order (same shape as the catalog's quote lines). */
export interface PriceLine {
  kind: 'base' | 'surcharge' | 'discount';
  code: string;
  label: string;
  amountFen: number;
  detail: string;
}
