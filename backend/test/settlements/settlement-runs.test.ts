import { bearer, countChanges, expectError, expectOk, rowCounts } from '../helpers/http';
import { staffToken, startTestApp, TestApp } from '../helpers/test-app';
import { inProcessTransport, paymentWorld, PaymentWorld } from '../payments/payment-fixtures';
import { backdateSince, completedOrder, entryOf, escortShareOf, inMonth, ledgerMark, monthStart, refundNow } from './settlement-fixtures';
import { LedgerEntry } from '../../src/modules/ledger/ledger-entry.entity';
import { SettlementItem, SettlementLine, SettlementPayout } from '../../src/modules/settlements/settlement.entity';
import { ExportService } from '../../src/modules/settlements/export.service';
import { readZip } from '../../src/common/export/zip-writer';
import { Escort } from '../../src/modules/escorts/escort.entity';

jest.setTimeout(300_000);

describe('settlement runs, through the real app', () => {
  let t: TestApp;
  let w: PaymentWorld;
  let finance: string;
  let escort: { id: number; token: string };
  let other: { id: number; token: string };

  beforeAll(async () => {
    t = await startTestApp();
    w = await paymentWorld(t);
    finance = await staffToken(t, 'finance');
    escort = { id: w.escortId, token: w.escortToken };
    other = { id: w.otherEscortId, token: w.otherEscortToken };
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await w.channel.idle();
    w.channel.refundMode = 'auto';
    w.channel.transport = inProcessTransport(t);
  });

  const get = async (path: string, token = finance) => expectOk(await t.http().get(path).set(bearer(token)));
  const post = (path: string, body: object = {}, token = finance) => t.http().post(path).set(bearer(token)).send(body);

  it('commission rules: a new version applies to orders completed after it starts, and the recognition keeps the bp and version', async () => {
    expectError(await post('/api/admin/commission-rules', { effectiveFrom: '2020-01-01T00:00:00+08:00', cells: [] }), 400, 'VALIDATION_FAILED');
    const cells = ['trainee', 'junior', 'senior', 'expert'].flatMap(level => [
      { escortLevel: level, categoryCode: '*', shareBp: 6000 },
      { escortLevel: level, categoryCode: 'outpatient', shareBp: 8000 },
    ]);
    expectError(await post('/api/admin/commission-rules', { effectiveFrom: '2020-01-01T00:00:00+08:00', cells }), 422, 'COMMISSION_EFFECTIVE_IN_PAST');
    // Ops may read orders but not change what escorts earn.
    expectError(await post('/api/admin/commission-rules', { effectiveFrom: new Date().toISOString(), cells }, w.opsToken), 403, 'FORBIDDEN');
    const later = expectOk(await post('/api/admin/commission-rules', { effectiveFrom: new Date(Date.now() + 86_400_000).toISOString(), note: '明天起', cells }));
    expect(later).toMatchObject({ state: 'scheduled' });
    const now = expectOk(await post('/api/admin/commission-rules', { effectiveFrom: new Date().toISOString(), note: '门诊提成上调', cells }));
    expect(now).toMatchObject({ state: 'in_force', note: '门诊提成上调' });
    expectError(await post(`/api/admin/commission-rules/${now.id}/withdraw`), 422, 'COMMISSION_VERSION_STARTED');
    expectOk(await post(`/api/admin/commission-rules/${later.id}/withdraw`));
    const list = await get('/api/admin/commission-rules');
    expect(list.map((v: any) => [v.id, v.state])).toEqual([[now.id, 'in_force'], [0, 'superseded']]);
    const level = (await t.dataSource.getRepository(Escort).findOneByOrFail({ id: escort.id })).level;
    expect(await get(`/api/admin/commission-rules/share?escortLevel=${level}&categoryCode=outpatient`)).toEqual({ shareBp: 8000, versionId: now.id });

    const order = await completedOrder(t, w, escort);
    const recognition = await entryOf(t, 'order_recognition', order.id);
    expect(recognition).toMatchObject({ shareBp: 8000, commissionVersionId: now.id, baseFen: order.totalFen });
    expect(await escortShareOf(t, order.id)).toBe(Math.round((order.totalFen * 8000) / 10000));
    // The escort's profile shows the default share in force for their level.
    expect(expectOk(await t.http().get('/api/escort/income').set(bearer(escort.token)))).toMatchObject({ commissionBp: 6000 });
  });

  describe('a month, its run, a refund after confirmation, payouts', () => {
    const p1 = monthStart(2);
    const p2 = monthStart(1);
    let runId: number;
    let a: any;
    let b: any;
    let bRefundEscortPart: number;
    let deductionId: number;

    it('computes a draft over orders with partial refunds, a refund after completion and a penalty, with every line traced to its items', async () => {
      const mark = await ledgerMark(t);
      a = await completedOrder(t, w, escort, { refundBeforeFen: 1001, financeToken: finance });
      b = await completedOrder(t, w, escort);
      const c = await completedOrder(t, w, other);
      const bRefund = await refundNow(t, w, finance, b.id, 500, '服务时长缩短，退部分');
      bRefundEscortPart = (await entryOf(t, 'refund', bRefund.id)).lines.find(l => l.account === 'escort_payable')!.amountFen;
      expect(bRefundEscortPart).toBeGreaterThan(0);
      const deduction = expectOk(await post('/api/admin/escort-deductions', { escortId: escort.id, kind: 'penalty', amountFen: 300, orderId: a.id, reason: '迟到 30 分钟' }));
      deductionId = deduction.id;
      await backdateSince(t, mark, inMonth(2, 10));

      // Finance runs the month: a draft, one line per escort.
      expectError(await post('/api/admin/settlement-runs', { periodStart: monthStart(0) }), 422, 'SETTLEMENT_PERIOD_NOT_ENDED');
      expectError(await post('/api/admin/settlement-runs', { periodStart: p1.slice(0, 8) + '02', cadence: 'monthly' }), 400, 'VALIDATION_FAILED');
      expectError(await post('/api/admin/settlement-runs', { periodStart: p1 }, w.opsToken), 403, 'FORBIDDEN');
      const run = expectOk(await post('/api/admin/settlement-runs', { periodStart: p1, cadence: 'monthly' }));
      runId = run.id;
      expect(run).toMatchObject({ status: 'draft', cadence: 'monthly', periodKey: p1.slice(0, 7), escortCount: 2, orderCount: 3 });

      const recognised = async (orderId: number) => -(await entryOf(t, 'order_recognition', orderId)).lines.find(l => l.account === 'escort_payable')!.amountFen;
      const shareA = await recognised(a.id);
      const shareB = await recognised(b.id);
      expect(await escortShareOf(t, b.id)).toBe(shareB - bRefundEscortPart);
      const shareC = await escortShareOf(t, c.id);
      const line = await get(`/api/admin/settlement-runs/${runId}/lines/${escort.id}`);
      expect(line).toMatchObject({
        orderCount: 2,
        grossFen: a.totalFen - 1001 + b.totalFen,
        shareFen: shareA + shareB,
        refundFen: -bRefundEscortPart,
        deductionFen: -300,
        adjustmentFen: 0,
        carriedInFen: 0,
        netFen: shareA + shareB - bRefundEscortPart - 300,
        payableFen: shareA + shareB - bRefundEscortPart - 300,
        carriedForwardFen: 0,
        paidFen: 0,
        payout: null,
      });
      expect(await get(`/api/admin/settlement-runs/${runId}/lines/${other.id}`)).toMatchObject({ orderCount: 1, shareFen: shareC, netFen: shareC });
      expect(run.payableFen).toBe(line.payableFen + shareC);

      // Drill-down: the orders, the refund and the penalty behind the line, each with its amount.
      const items = await get(`/api/admin/settlement-runs/${runId}/lines/${escort.id}/items?pageSize=50`);
      expect(items.list.map((i: any) => [i.kind, i.orderNo, i.amountFen]).sort()).toEqual(
        [
          ['order', a.orderNo, shareA],
          ['order', b.orderNo, shareB],
          ['refund', b.orderNo, -bRefundEscortPart],
          ['deduction', a.orderNo, -300],
        ].sort(),
      );
      expect(items.list.reduce((s: number, i: any) => s + i.amountFen, 0)).toBe(line.netFen);
      const lines = await get(`/api/admin/settlement-runs/${runId}/lines`);
      expect(lines.total).toBe(2);

      // A draft is recomputable and gives the same answer; the escort cannot see it yet.
      const again = expectOk(await post(`/api/admin/settlement-runs/${runId}/recompute`));
      expect(again).toMatchObject({ payableFen: run.payableFen, computedCount: run.computedCount });
      expectError(await t.http().get(`/api/escort/settlements/${runId}`).set(bearer(escort.token)), 404, 'NOT_FOUND');
      expectError(await post('/api/admin/settlement-runs', { periodStart: p2 }), 409, 'SETTLEMENT_DRAFT_OPEN');
    });

    it('confirms exactly once under concurrent requests, then refuses recompute, discard and a second run of the period', async () => {
      const answers = await Promise.all(Array.from({ length: 6 }, () => post(`/api/admin/settlement-runs/${runId}/confirm`)));
      expect(answers.map(r => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      for (const r of answers.filter(x => x.status === 409)) expectError(r, 409, 'SETTLEMENT_RUN_NOT_DRAFT');
      const before = await rowCounts(t);
      expectError(await post(`/api/admin/settlement-runs/${runId}/recompute`), 409, 'SETTLEMENT_RUN_CONFIRMED');
      expectError(await post(`/api/admin/settlement-runs/${runId}/discard`), 409, 'SETTLEMENT_RUN_CONFIRMED');
      expectError(await post('/api/admin/settlement-runs', { periodStart: p1 }), 409, 'SETTLEMENT_PERIOD_EXISTS');
      expect(countChanges(before, await rowCounts(t))).toEqual({});
      expect(await get(`/api/admin/settlement-runs/${runId}`)).toMatchObject({ status: 'confirmed', confirmedByName: expect.any(String) });
    });

    it('turns a refund after the period was settled into a negative adjustment of the next run, never an edit of the confirmed statement', async () => {
      const frozenLines = await t.dataSource.getRepository(SettlementLine).find({ where: { runId }, order: { id: 'ASC' } });
      const frozenItems = await t.dataSource.getRepository(SettlementItem).find({ where: { runId }, order: { id: 'ASC' } });
      const mark = await ledgerMark(t);
      const late = await refundNow(t, w, finance, a.id, 400, '投诉补偿');
      const lateEscortPart = (await entryOf(t, 'refund', late.id)).lines.find(l => l.account === 'escort_payable')!.amountFen;
      const d = await completedOrder(t, w, escort);
      await backdateSince(t, mark, inMonth(1, 12));

      const run2 = expectOk(await post('/api/admin/settlement-runs', { periodStart: p2 }));
      const line = await get(`/api/admin/settlement-runs/${run2.id}/lines/${escort.id}`);
      const shareD = await escortShareOf(t, d.id);
      expect(line).toMatchObject({ orderCount: 1, shareFen: shareD, refundFen: 0, adjustmentFen: -lateEscortPart, netFen: shareD - lateEscortPart });
      const items = await get(`/api/admin/settlement-runs/${run2.id}/lines/${escort.id}/items`);
      expect(items.list.find((i: any) => i.kind === 'adjustment')).toMatchObject({ orderNo: a.orderNo, amountFen: -lateEscortPart, sourceType: 'refund', sourceId: String(late.id) });

      expect(await t.dataSource.getRepository(SettlementLine).find({ where: { runId }, order: { id: 'ASC' } })).toEqual(frozenLines);
      expect(await t.dataSource.getRepository(SettlementItem).find({ where: { runId }, order: { id: 'ASC' } })).toEqual(frozenItems);
      expectOk(await post(`/api/admin/settlement-runs/${run2.id}/confirm`));
    });

    it('records one payout per escort and period, posts it to the ledger, and refuses a second one even when they race', async () => {
      const line = await get(`/api/admin/settlement-runs/${runId}/lines/${escort.id}`);
      expectError(await post(`/api/admin/settlement-runs/${runId}/payouts`, { escortId: escort.id, referenceNo: 'B-1' }, w.opsToken), 403, 'FORBIDDEN');
      const racers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => post(`/api/admin/settlement-runs/${runId}/payouts`, { escortId: escort.id, referenceNo: `B-RACE-${i}`, method: 'bank_transfer' })),
      );
      expect(racers.map(r => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      for (const r of racers.filter(x => x.status === 409)) expectError(r, 409, 'SETTLEMENT_ALREADY_PAID');
      const payout = racers.find(r => r.status === 200)!.body.data;
      expect(payout).toMatchObject({ escortId: escort.id, amountFen: line.payableFen, periodKey: p1.slice(0, 7) });
      expect(await t.dataSource.getRepository(SettlementPayout).count({ where: { runId, escortId: escort.id } })).toBe(1);
      const entry = await entryOf(t, 'escort_payout', `settlement:${p1.slice(0, 7)}:${escort.id}`);
      expect(entry.lines.map(l => [l.account, l.amountFen, l.escortId])).toEqual([
        ['escort_payable', line.payableFen, escort.id],
        ['customer_payments_clearing', -line.payableFen, null],
      ]);
      expect(await t.dataSource.getRepository(LedgerEntry).count({ where: { sourceType: 'escort_payout' } })).toBe(1);

      // The same reference cannot pay someone else; importing the other escort's payout finishes the run.
      expectError(await post(`/api/admin/settlement-runs/${runId}/payouts`, { escortId: other.id, referenceNo: payout.referenceNo }), 409, 'PAYOUT_REFERENCE_USED');
      const otherLine = await get(`/api/admin/settlement-runs/${runId}/lines/${other.id}`);
      const imported = expectOk(
        await post(`/api/admin/settlement-runs/${runId}/payouts/import`, {
          csv: `escortId,referenceNo,amountFen,paidAt\r\n${other.id},B-IMP-1,${otherLine.payableFen + 1},2026-12-02T10:00:00+08:00\n${other.id},B-IMP-2,${otherLine.payableFen},2026-12-02T10:00:00+08:00\n${escort.id},B-IMP-3,,\nx,B-IMP-4,,\n`,
        }),
      );
      expect(imported.map((r: any) => [r.row, r.ok, r.errorCode ?? null])).toEqual([
        [2, false, 'PAYOUT_AMOUNT_MISMATCH'],
        [3, true, null],
        [4, false, 'SETTLEMENT_ALREADY_PAID'],
        [5, false, 'VALIDATION_FAILED'],
      ]);
      expect(await get(`/api/admin/settlement-runs/${runId}`)).toMatchObject({ status: 'paid', paidFen: line.payableFen + otherLine.payableFen });
      expect((await get(`/api/admin/settlement-runs/${runId}/payouts`)).map((p: any) => p.referenceNo).sort()).toEqual([payout.referenceNo, 'B-IMP-2'].sort());
    });

    it('shows the escort their confirmed statements, the items behind them and every income movement', async () => {
      const mine = expectOk(await t.http().get('/api/escort/settlements').set(bearer(escort.token)));
      expect(mine.list.map((s: any) => s.periodKey)).toEqual([p2.slice(0, 7), p1.slice(0, 7)]);
      const statement = expectOk(await t.http().get(`/api/escort/settlements/${runId}`).set(bearer(escort.token)));
      expect(statement).toMatchObject({ runStatus: 'paid', payout: { amountFen: statement.payableFen, referenceNo: expect.stringMatching(/^B-RACE-/) } });
      const items = expectOk(await t.http().get(`/api/escort/settlements/${runId}/items`).set(bearer(escort.token)));
      expect(items.total).toBe(4);
      // Another escort's statement is not theirs to see.
      const otherRun = expectOk(await t.http().get('/api/escort/settlements').set(bearer(other.token)));
      expect(otherRun.list.map((s: any) => s.periodKey)).toEqual([p1.slice(0, 7)]);
      const income = expectOk(await t.http().get('/api/escort/income/detail?pageSize=100').set(bearer(escort.token)));
      expect(income.list.find((i: any) => i.sourceType === 'escort_payout')).toMatchObject({ amountFen: -statement.payableFen, settlementStatus: 'paid_out' });
      expect(income.list.find((i: any) => i.sourceType === 'refund' && i.orderNo === a.orderNo)).toMatchObject({ settledIn: p2.slice(0, 7) });
      expect(income.owedFen).toBe(income.list.reduce((s: number, i: any) => s + i.amountFen, 0));
      expect(deductionId).toBeGreaterThan(0);
    });

    it('exports the statement items to xlsx through a job whose progress can be polled, and refunds to CSV with formulas escaped', async () => {
      const job = expectOk(await post('/api/admin/exports', { kind: 'settlement_items', format: 'xlsx', runId }));
      expect(job).toMatchObject({ kind: 'settlement_items', totalRows: 5, status: expect.stringMatching(/queued|running|succeeded/) });
      expect(job.storedName).toBeUndefined();
      await (await t.app.getApplicationContext().getAsync(ExportService)).settled(job.id);
      const done = await get(`/api/admin/exports/${job.id}`);
      expect(done).toMatchObject({ status: 'succeeded', rowsWritten: 5, totalRows: 5 });
      expectError(await t.http().get(`/api/admin/exports/${job.id}`).set(bearer(w.adminToken)), 404, 'NOT_FOUND');
      const file = await t.http().get(`/api/admin/exports/${job.id}/download`).set(bearer(finance)).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      const sheet = readZip(file.body).get('xl/worksheets/sheet1.xml')!.toString();
      expect(sheet.match(/<row /g)).toHaveLength(1 + 5 + 1);
      expect(sheet).toContain(a.orderNo);
      expect(sheet).toContain('<f>SUM(J2:J6)</f>');

      await refundNow(t, w, finance, b.id, 1, '=HYPERLINK("http://x")');
      const csvJob = expectOk(await post('/api/admin/exports', { kind: 'refunds', format: 'csv' }));
      await (await t.app.getApplicationContext().getAsync(ExportService)).settled(csvJob.id);
      const csv = await t.http().get(`/api/admin/exports/${csvJob.id}/download`).set(bearer(finance));
      expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`);
      // Each row names its order and its Shanghai times.
      const refundRow = csv.text.split('\r\n').find(l => l.includes('HYPERLINK')) as string;
      expect(refundRow).toContain(b.orderNo);
      expect(refundRow).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(csv.text.trimEnd().split('\r\n').pop()).toMatch(/^合计,/);
      expect((await get('/api/admin/exports')).map((j: any) => j.id)).toEqual(expect.arrayContaining([job.id, csvJob.id]));
    });
  });

  it('keeps settlement to finance: ops and support get 403, escorts cannot reach staff routes', async () => {
    const support = await staffToken(t, 'support');
    for (const token of [w.opsToken, support]) {
      expectError(await t.http().get('/api/admin/settlement-runs').set(bearer(token)), 403, 'FORBIDDEN');
      expectError(await t.http().get('/api/admin/finance/daily-summary?from=2026-11-01&to=2026-11-02').set(bearer(token)), 403, 'FORBIDDEN');
      expectError(await post('/api/admin/exports', { kind: 'payments', format: 'csv' }, token), 403, 'FORBIDDEN');
    }
    expect((await t.http().get('/api/admin/settlement-runs').set(bearer(escort.token))).status).toBe(403);
  });
});
