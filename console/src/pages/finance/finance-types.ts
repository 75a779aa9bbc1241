/**
 * The finance answers as the generated client types them (src/services/generated, from the
 * backend's OpenAPI). The backend's DTOs document every field it sends, but the OpenAPI export
 * marks none as required, so the generated types are all-optional; these aliases make the fields
 * required one level deep, which is what the backend sends (backend/test/payments/finance-api-shapes.test.ts
 * checks each answer's keys against the OpenAPI schemas).
 */
type Present<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

export type AdminPayment = Present<API.AdminPaymentView>;
export type PaymentEvent = Present<API.PaymentEventView>;
export type AdminRefund = Present<API.AdminRefundView>;
export type AdminPaymentDetail = Present<Omit<API.AdminPaymentDetail, 'events' | 'refunds'>> & { events: PaymentEvent[]; refunds: AdminRefund[] };
export type LedgerLine = Present<API.LedgerLineView>;
export type LedgerEntry = Present<Omit<API.LedgerEntryView, 'lines'>> & { lines: LedgerLine[] };
export type PostpayCharge = Present<API.PostpayChargeView>;
export type PostpayPayment = Present<API.PostpayPaymentView>;
export type Postpay = Present<Omit<API.PostpayView, 'charges' | 'payments'>> & { charges: PostpayCharge[]; payments: PostpayPayment[] };
export type OrderMoney = Present<Omit<API.OrderMoneyView, 'payments' | 'refunds' | 'ledgerEntries' | 'postpay'>> & {
  payments: AdminPayment[];
  refunds: AdminRefund[];
  ledgerEntries: LedgerEntry[];
  postpay: Postpay;
};
export type ReconCounts = Present<API.ReconCounts>;
export type ReconRun = Present<Omit<API.ReconRunView, 'counts' | 'totals'>> & { counts: ReconCounts; totals: Present<API.ReconTotals> };
export type ReconItem = Present<API.ReconItemView>;
export type ReconDayReport = { billDate: string; run: ReconRun | null; items: ReconItem[] };
export type ReconRangeReport = Present<Omit<API.ReconRangeReport, 'list' | 'counts'>> & { list: ReconRun[]; counts: ReconCounts };

/** The generated calls answer the all-optional types; the finance pages read them through this. */
export const present = <T>(answer: unknown) => answer as T;
