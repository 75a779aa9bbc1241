import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { DailySummary, dailySummary } from './finance-summary';
import { LedgerService } from '../ledger/ledger.service';
import { PaymentReportService } from '../payments/payment-report.service';
import { Errors } from '../../common/errors';

const MAX_DAYS = 92;

/** Day by day (Shanghai calendar): money in and out, the platform's and escorts' shares, payouts, and the difference that must be zero. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class FinanceSummaryService {
  @Inject()
  ledger: LedgerService;

  @Inject()
  payments: PaymentReportService;

  /** `from` and `to` are Shanghai dates, both included. */
  async daily(from: string, to: string): Promise<{ days: DailySummary[]; total: DailySummary }> {
    const start = shanghaiMidnight(from);
    const end = shanghaiMidnight(to);
    const days = Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1;
    if (days < 1 || days > MAX_DAYS) throw Errors.validation(`日期范围须为 1–${MAX_DAYS} 天`);
    const result: DailySummary[] = [];
    for (let i = 0; i < days; i++) {
      const dayStart = new Date(start.getTime() + i * 86_400_000);
      const dayEnd = new Date(dayStart.getTime() + 86_400_000);
      const [money, sums] = await Promise.all([this.payments.totalsBetween(dayStart, dayEnd), this.ledger.totalsBetween(dayStart, dayEnd)]);
      result.push(dailySummary(new Date(dayStart.getTime() + 8 * 3600_000).toISOString().slice(0, 10), money, sums));
    }
    const total = result.reduce<DailySummary>(
      (t, d) => {
        for (const k of Object.keys(t) as (keyof DailySummary)[]) if (k !== 'date') (t[k] as number) += d[k] as number;
        return t;
      },
      { date: `${from}~${to}`, receivedFen: 0, refundedFen: 0, platformRevenueFen: 0, escortPayableFen: 0, unearnedChangeFen: 0, paidOutFen: 0, channelFeesFen: 0, clearingChangeFen: 0, differenceFen: 0 },
    );
    return { days: result, total };
  }
}

function shanghaiMidnight(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw Errors.validation('日期格式应为 YYYY-MM-DD');
  const d = new Date(`${date}T00:00:00+08:00`);
  if (Number.isNaN(d.getTime())) throw Errors.validation('日期不存在');
  return d;
}
