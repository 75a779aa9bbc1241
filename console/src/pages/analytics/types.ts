/** Shapes of /api/admin/analytics/* (backend/src/modules/analytics/analytics-query.service.ts). Money in fen. */
export interface AnalyticsFilters {
  from: string;
  to: string;
  cityIds: number[] | null;
  categoryCode?: string;
  hospitalId?: number;
}

export interface AnalyticsQuery {
  from?: string;
  to?: string;
  cityId?: number;
  categoryCode?: string;
  hospitalId?: number;
}

interface Refreshed {
  refreshedAt: string;
  filters: AnalyticsFilters;
}

export interface OperationsDashboard extends Refreshed {
  daily: { day: string; created: number; paid: number; completed: number; cancelled: number; unassignedAtStart: number }[];
  totals: { created: number; paid: number; completed: number; cancelled: number; completionRate: number | null; cancellationRate: number | null };
  serviceMix: { categoryCode: string; label: string; paid: number }[];
  busiestHospitals: { hospitalId: number; name: string; orders: number }[];
  heatmap: { weekday: number; hour: number; count: number }[];
  dispatchLatency: { samples: number; medianMinutes: number | null; p90Minutes: number | null; buckets: { fromMinutes: number; toMinutes: number | null; count: number }[] };
  unassignedAtStart: { total: number; starts: number; rate: number | null };
  utilization: { bookedHours: number; shiftHours: number; rate: number | null };
  escortsByStatus: { status: string; label: string; count: number }[];
}

export interface CustomersDashboard extends Refreshed {
  daily: { day: string; newCustomers: number; repeatCustomers: number }[];
  totals: { newCustomers: number; repeatCustomers: number; repeatRate: number | null };
  funnel: { stage: string; label: string; count: number }[];
  cityDistribution: { cityId: number; name: string; newCustomers: number; paidOrders: number }[];
  ageGroups: { group: string; label: string; count: number }[];
}

export interface FinanceRow {
  gmvFen: number;
  refundFen: number;
  platformRevenueFen: number;
  escortPayableFen: number;
}

export interface FinanceDashboard extends Refreshed {
  daily: ({ day: string } & FinanceRow)[];
  monthly: ({ month: string } & FinanceRow)[];
  totals: FinanceRow & { refundRate: number | null };
  refundRateByService: { categoryCode: string; label: string; gmvFen: number; refundFen: number; refundRate: number | null }[];
}

export interface QualityDashboard extends Refreshed {
  reviewsConnected: boolean;
  ticketsConnected: boolean;
  daily: { day: string; completed: number; reviews: number; goodRate: number | null; badRate: number | null; complaintsPer100: number | null }[];
  totals: { completed: number; reviews: number; complaints: number; complaintsPer100: number | null; goodRate: number | null; badRate: number | null; avgRating: number | null };
  ratingDistribution: { star: number; count: number }[];
  topComplaintReasons: { reason: string; count: number }[];
  escortRanking: { escortId: number; name: string; reviews: number; avgRating: number; goodRate: number | null; badRate: number | null; complaints: number }[];
}

export interface AnalyticsOptions {
  cities: { id: number; name: string }[];
  categories: { code: string; label: string }[];
  hospitals: { id: number; name: string; cityId: number }[];
}
