import { bearer } from '../helpers/http';
import { startTestApp, TestApp } from '../helpers/test-app';
import { EscortTimeClaim } from '../../src/modules/orders/escort-time-claim.entity';
import { EscortLeave } from '../../src/modules/leaves/escort-leave.entity';
import { toShanghaiDateString } from '../../src/common/time';
import { ESCORT, WorkforceWorld, assign, orderRow, paidOrder, workforceWorld } from './workforce-fixtures';

jest.setTimeout(600_000);

const ROUNDS = 12;
/** Round r gets its own 4-hour window: six a day, starting tomorrow (Shanghai). */
const windowStart = (r: number) => {
  const date = toShanghaiDateString(Date.now() + (1 + Math.floor(r / 6)) * 86_400_000);
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + (r % 6) * 4 * 3_600_000);
};
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/** Real concurrent HTTP requests; the database decides, never the order they happen to arrive in. */
describe('racing dispatch requests', () => {
  let t: TestApp;
  let w: WorkforceWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await workforceWorld(t);
  });
  afterAll(() => t.close());

  it(`gives one of two dispatchers assigning different overlapping orders to one escort a 200 and the other a 409, ${ROUNDS} times`, async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const start = windowStart(r);
      const a = await paidOrder(t, w, start);
      const b = await paidOrder(t, w, plus(start, 60));
      const [ra, rb] = await Promise.all([assign(t, w.opsToken, a.id, ESCORT.wangQiang), assign(t, w.adminToken, b.id, ESCORT.wangQiang)]);
      const statuses = [ra.status, rb.status].sort();
      expect({ round: r, statuses }).toEqual({ round: r, statuses: [200, 409] });
      expect([ra, rb].find(x => x.status === 409)!.body.errorCode).toBe('SLOT_TAKEN');
      const held = await t.dataSource.getRepository(EscortTimeClaim).count({ where: { escortId: ESCORT.wangQiang, orderId: ra.status === 200 ? a.id : b.id } });
      expect(held).toBe(4);
      const loser = await orderRow(t, ra.status === 200 ? b.id : a.id);
      expect({ status: loser.status, escortId: loser.escortId }).toEqual({ status: 'pending_dispatch', escortId: null });
    }
  });

  async function raceLeaveAgainstAssignment(r: number, returnToPool: boolean) {
    const start = windowStart(r);
    const leave = (
      await t
        .http()
        .post('/api/escort/leaves')
        .set(bearer(w.escortToken))
        .send({ type: 'personal', startAt: start.toISOString(), endAt: plus(start, 180).toISOString(), reason: '临时有事' })
    ).body.data;
    const order = await paidOrder(t, w, plus(start, 60));
    const [approval, assignment] = await Promise.all([
      t.http().post(`/api/admin/leaves/${leave.id}/approve`).set(bearer(w.adminToken)).send({ returnToPool }),
      assign(t, w.opsToken, order.id, ESCORT.liJing),
    ]);
    const leaveRow = await t.dataSource.getRepository(EscortLeave).findOneByOrFail({ id: leave.id });
    const orderAfter = await orderRow(t, order.id);
    const leaveCells = await t.dataSource.getRepository(EscortTimeClaim).count({ where: { leaveId: leave.id } });
    const orderCells = await t.dataSource.getRepository(EscortTimeClaim).count({ where: { orderId: order.id } });
    return { approval: approval.status, assignment: assignment.status, leave: leaveRow.status, orderEscort: orderAfter.escortId, leaveCells, orderCells, codes: [approval.body.errorCode, assignment.body.errorCode] };
  }

  it(`never lets a leave approval and an assignment of the same time both stand (${ROUNDS} races without returnToPool)`, async () => {
    const outcomes = [];
    for (let r = 0; r < ROUNDS; r++) {
      const o = await raceLeaveAgainstAssignment(ROUNDS + r, false);
      outcomes.push(o);
      // Exactly one of the two requests succeeded, and the rows agree with it.
      expect({ r, ok: [o.approval, o.assignment].filter(s => s === 200).length }).toEqual({ r, ok: 1 });
      if (o.approval === 200) {
        expect({ r, ...o }).toMatchObject({ leave: 'approved', orderEscort: null, orderCells: 0, leaveCells: 6 });
      } else {
        expect({ r, ...o }).toMatchObject({ leave: 'pending', orderEscort: ESCORT.liJing, orderCells: 4, leaveCells: 0 });
      }
    }
  });

  it(`never leaves an approved leave with an order assigned inside it (${ROUNDS} races with returnToPool)`, async () => {
    for (let r = 0; r < ROUNDS; r++) {
      const o = await raceLeaveAgainstAssignment(2 * ROUNDS + r, true);
      // If the assignment won first, the approval may still succeed by sending the order back to the pool.
      expect({ r, bothHold: o.leave === 'approved' && o.orderEscort === ESCORT.liJing }).toEqual({ r, bothHold: false });
      if (o.leave === 'approved') expect({ r, orderCells: o.orderCells, leaveCells: o.leaveCells }).toEqual({ r, orderCells: 0, leaveCells: 6 });
      else expect({ r, approval: o.approval }).not.toEqual({ r, approval: 200 });
    }
  });
});
