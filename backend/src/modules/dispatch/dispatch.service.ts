import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { AvailabilityInput, AvailabilityResult, CredentialFact, LIVE_STATUS_LABELS, UNAVAILABLE_REASONS, checkAvailability, credentialValidFor, liveStatus, LiveStatus, slotDays, UnavailableReason } from './availability';
import { CandidateFacts, TopCandidates, distanceMeters, tierOf } from './ranking';
import { DispatchFactsCache } from './dispatch-facts-cache';
import { EscortDispatchFacts, EscortService, ratingAverage } from '../escorts/escort.service';
import { EscortCredentialService, addDays } from '../escorts/escort-credential.service';
import { ESCORT_LEVELS, EscortLevel } from '../escorts/escort.entity';
import { ScheduleFacts, ScheduleService } from '../schedules/schedule.service';
import { coveringShift, shiftIntervals } from '../schedules/shift-calendar';
import { LeaveService } from '../leaves/leave.service';
import { OrderActor, OrderService, assertVisible } from '../orders/order.service';
import { OrderQueryService, shanghaiDayRange } from '../orders/order-query.service';
import { OrderClaimService } from '../orders/order-claims';
import { Order } from '../orders/order.entity';
import { CatalogService } from '../catalog/catalog.service';
import { HospitalService } from '../hospitals/hospital.service';
import { SettingsService } from '../settings/settings.service';
import { AuditContext } from '../audit/audit.service';
import { AppError, Errors } from '../../common/errors';
import { Interval, toShanghaiDateString } from '../../common/time';
import { In } from 'typeorm';
import { PageQuery } from '../../common/pagination';

/** Everything the availability check and the ranking need about one order, read once. */
interface OrderContext {
  order: Order;
  categoryCode: string;
  requiredQualifications: string[];
  hospital: { latitudeE6: number; longitudeE6: number } | null;
  travelBufferMinutes: number;
  cellMinutes: number;
  /** The slot as the availability check takes it, built once per ranking. */
  slot: AvailabilityInput['slot'];
  /** Shanghai dates to read schedules for: the slot's days plus one either side. */
  fromDate: string;
  toDate: string;
}

interface EscortFacts {
  escort: EscortDispatchFacts;
  weekly: ScheduleFacts['weekly'];
  exceptions: ScheduleFacts['exceptions'];
  leaves: Interval[];
  claims: Interval[];
  credentials: CredentialFact[];
}

export interface CandidateRow extends CandidateFacts {
  name: string;
  level: EscortLevel;
}

const NONE: string[] = [];
const NO_SHIFTS: Interval[] = [];
const reasonList = (reasons: UnavailableReason[]) => reasons.map(code => ({ code, label: UNAVAILABLE_REASONS[code] }));

/**
 * Dispatch: who can take an order (availability), who should (ranking), the pool of orders
 * waiting, the day board, and assignment with the availability check in front of
 * OrderService.assign. The rules themselves are pure (availability.ts, ranking.ts); this service
 * only gathers the facts, in a handful of set-based reads per order however many escorts a city has.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DispatchService {
  @Inject()
  escorts: EscortService;

  @Inject()
  credentials: EscortCredentialService;

  @Inject()
  schedules: ScheduleService;

  @Inject()
  leaves: LeaveService;

  @Inject()
  orders: OrderService;

  @Inject()
  orderQuery: OrderQueryService;

  @Inject()
  claims: OrderClaimService;

  @Inject()
  catalog: CatalogService;

  @Inject()
  hospitals: HospitalService;

  @Inject()
  settings: SettingsService;

  @Inject()
  factsCache: DispatchFactsCache;

  private async orderContext(orderId: number, actor: OrderActor): Promise<OrderContext> {
    const order = await this.orderQuery.orders.findOneBy({ id: orderId });
    assertVisible(order, actor);
    const [req, hospital, workforce, booking] = await Promise.all([
      this.catalog.requirementsOf(order.serviceItemId),
      order.hospitalId ? this.hospitals.coordinatesOf(order.hospitalId) : Promise.resolve(null),
      this.settings.get('workforce'),
      this.settings.get('booking'),
    ]);
    const [first, last] = slotDays(order.startAt, order.endAt);
    return {
      order,
      categoryCode: req.categoryCode,
      requiredQualifications: req.requiredQualifications,
      hospital,
      travelBufferMinutes: workforce.travelBufferMinutes,
      cellMinutes: booking.slotMinutes,
      slot: { cityId: order.cityId, start: order.startAt, end: order.endAt, requiredQualifications: req.requiredQualifications },
      fromDate: addDays(first, -1),
      toDate: addDays(last, 1),
    };
  }

  /** The window whose claims matter: the slot padded by the travel buffer (and one cell, for partial cells). */
  private claimWindow(c: OrderContext): [Date, Date] {
    const pad = (c.travelBufferMinutes + c.cellMinutes) * 60_000;
    return [new Date(new Date(c.order.startAt).getTime() - pad), new Date(new Date(c.order.endAt).getTime() + pad)];
  }

  /** Other orders' cells (not leave or time off: those have their own reasons) as intervals per escort. */
  private claimsByEscort(cells: Array<{ escortId: number; cellStart: number; orderId: number | null }>, c: OrderContext): Map<number, Interval[]> {
    const cellMs = c.cellMinutes * 60_000;
    const out = new Map<number, Interval[]>();
    for (const cell of cells) {
      if (cell.orderId === null || cell.orderId === c.order.id) continue;
      const list = out.get(cell.escortId) ?? [];
      list.push({ start: cell.cellStart, end: cell.cellStart + cellMs });
      out.set(cell.escortId, list);
    }
    return out;
  }

  private evaluate(c: OrderContext, f: EscortFacts): AvailabilityResult {
    // Only the shift that would contain the slot matters to the check; finding just that one
    // keeps a ranking over thousands of escorts from building every escort's week.
    const cover = coveringShift(f.weekly, f.exceptions, c.order.startAt, c.order.endAt);
    return checkAvailability({
      escort: f.escort,
      slot: c.slot,
      travelBufferMinutes: c.travelBufferMinutes,
      shifts: cover ? [cover] : NO_SHIFTS,
      leaves: f.leaves,
      claims: f.claims,
      credentials: f.credentials,
    });
  }

  /** `f.credentials` holds only the order's required codes (the cache filters them once per ranking). */
  private candidateFacts(c: OrderContext, f: EscortFacts, availability: AvailabilityResult, loads: Map<number, number>, previous: Set<number>): CandidateRow {
    const e = f.escort;
    const [first, last] = slotDays(c.order.startAt, c.order.endAt);
    let valid: string[] = NONE;
    for (const cr of f.credentials) {
      if (credentialValidFor(cr, first, last) && !valid.includes(cr.typeCode)) valid = valid === NONE ? [cr.typeCode] : [...valid, cr.typeCode];
    }
    return {
      escortId: e.id,
      name: e.name,
      level: e.level,
      availability,
      distanceMeters: c.hospital && e.baseLatitudeE6 !== null && e.baseLongitudeE6 !== null ? distanceMeters(e.baseLatitudeE6, e.baseLongitudeE6, c.hospital.latitudeE6, c.hospital.longitudeE6) : null,
      skills: e.skills,
      validQualifications: valid,
      ratingAverage: ratingAverage(e),
      ratingCount: e.ratingCount,
      todayLoad: loads.get(e.id) ?? 0,
      servedCustomerBefore: previous.has(e.id),
    };
  }

  /**
   * Every active escort of the order's city, checked and ranked. The city's escorts, weekly
   * shifts and credentials come from DispatchFactsCache; time off, leave, claims and loads are
   * read fresh, set-based (one query each), so the cost grows with rows, not queries per escort.
   */
  async rank(orderId: number, actor: OrderActor, limit: number): Promise<{ context: OrderContext } & ReturnType<TopCandidates<CandidateRow>['result']>> {
    const c = await this.orderContext(orderId, actor);
    const { order } = c;
    const [from, to] = this.claimWindow(c);
    const [dayStart, dayEnd] = shanghaiDayRange(toShanghaiDateString(order.startAt));
    const [city, exceptions, leaves, cells, loads, previous] = await Promise.all([
      this.factsCache.city(order.cityId),
      this.schedules.exceptionsForCity(order.cityId, c.fromDate, c.toDate),
      this.leaves.approvedBetween(from, to, { cityId: order.cityId }),
      this.claims.cellsAround(from, to),
      this.orderQuery.loadsBetween(order.cityId, dayStart, dayEnd),
      this.orderQuery.previousEscortsOf(order.customerId, order.id),
    ]);
    const claims = this.claimsByEscort(cells, c);
    const none: never[] = [];
    const credentials = city.credentialsFor(c.requiredQualifications);
    // Every escort's availability is checked (the tier counts need it); only contenders for the
    // list are scored in full.
    const top = new TopCandidates<CandidateRow>({ categoryCode: c.categoryCode, requiredQualifications: c.requiredQualifications }, limit);
    for (const escort of city.escorts) {
      const f: EscortFacts = {
        escort,
        weekly: city.weekly.get(escort.id) ?? none,
        exceptions: exceptions.get(escort.id) ?? none,
        leaves: leaves.get(escort.id) ?? none,
        claims: claims.get(escort.id) ?? none,
        credentials: credentials.get(escort.id) ?? none,
      };
      const availability = this.evaluate(c, f);
      const tier = tierOf(availability);
      if (top.wants(tier)) top.offer(this.candidateFacts(c, f, availability, loads, previous));
      else top.skip(tier);
    }
    return { context: c, ...top.result() };
  }

  async candidates(orderId: number, actor: OrderActor, limit = 20) {
    const { context: c, top, counts: tiers } = await this.rank(orderId, actor, limit);
    const counts = { total: tiers.available + tiers.overridable + tiers.unavailable, ...tiers };
    return {
      order: this.orderQuery.brief(c.order),
      requirements: { categoryCode: c.categoryCode, requiredQualifications: c.requiredQualifications, travelBufferMinutes: c.travelBufferMinutes },
      counts,
      candidates: top.map((r, i) => ({
        rank: i + 1,
        escortId: r.facts.escortId,
        name: r.facts.name,
        level: r.facts.level,
        levelLabel: ESCORT_LEVELS[r.facts.level],
        tier: r.tier,
        available: r.facts.availability.available,
        overridable: r.facts.availability.overridable,
        reasons: reasonList(r.facts.availability.reasons),
        missingQualifications: r.facts.availability.missingQualifications,
        score: r.score,
        parts: r.parts,
        distanceMeters: r.facts.distanceMeters,
        todayLoad: r.facts.todayLoad,
        rating: r.facts.ratingAverage,
        ratingCount: r.facts.ratingCount,
        servedCustomerBefore: r.facts.servedCustomerBefore,
        current: c.order.escortId === r.facts.escortId,
      })),
    };
  }

  /** One escort against one order: the same facts and the same pure check as the ranking. */
  async availabilityFor(orderId: number, escortId: number, actor: OrderActor): Promise<AvailabilityResult> {
    const c = await this.orderContext(orderId, actor);
    const escort = await this.escorts.mustFind(escortId);
    const [from, to] = this.claimWindow(c);
    const [schedules, leaves, cells, credentials] = await Promise.all([
      this.schedules.factsForEscorts([escortId], c.fromDate, c.toDate),
      this.leaves.approvedBetween(from, to, { escortIds: [escortId] }),
      this.claims.cellsAround(from, to, [escortId]),
      this.credentials.factsForEscort(escortId, c.requiredQualifications),
    ]);
    const facts: EscortDispatchFacts = {
      id: escort.id,
      name: escort.name,
      cityId: escort.cityId,
      status: escort.status,
      level: escort.level,
      baseLatitudeE6: escort.baseLatitudeE6,
      baseLongitudeE6: escort.baseLongitudeE6,
      skills: escort.skills,
      ratingTotal: escort.ratingTotal,
      ratingCount: escort.ratingCount,
    };
    const schedule = schedules.get(escortId) ?? { weekly: [], exceptions: [] };
    return this.evaluate(c, {
      escort: facts,
      weekly: schedule.weekly,
      exceptions: schedule.exceptions,
      leaves: leaves.get(escortId) ?? [],
      claims: this.claimsByEscort(cells, c).get(escortId) ?? [],
      credentials,
    });
  }

  /**
   * Assign or reassign with a required reason. An escort who is not available is refused (422
   * ESCORT_UNAVAILABLE with the reasons); `force` overrides only soft reasons (outside the shift,
   * tight travel time) and the override is written into the status log. The time itself is then
   * claimed by OrderService.assign, which is what two racing dispatchers cannot both pass.
   */
  async assign(orderId: number, escortId: number, options: { reason: string; force?: boolean }, actor: OrderActor, audit?: AuditContext): Promise<Order> {
    const result = await this.availabilityFor(orderId, escortId, actor);
    let reason = options.reason;
    if (!result.available) {
      const labels = result.reasons.map(r => UNAVAILABLE_REASONS[r]).join('、');
      if (!options.force || !result.overridable) {
        const details = { reasons: reasonList(result.reasons), missingQualifications: result.missingQualifications, overridable: result.overridable };
        // Time someone else holds is the same conflict the claim would report, whoever noticed first.
        if (result.reasons.includes('time_claimed')) throw Errors.conflict('SLOT_TAKEN', `该陪诊师在此时间已有其他订单：${labels}`, details);
        throw new AppError(422, 'ESCORT_UNAVAILABLE', `该陪诊师此时不可派单：${labels}`, details);
      }
      reason = `${reason}（调度确认例外：${labels}）`;
    }
    return this.orders.assign(orderId, escortId, actor, audit, reason);
  }

  /** Sends an assigned order back to the pool by hand (e.g. the escort called in sick), with the alert. */
  async returnToPool(orderId: number, reason: string, actor: OrderActor, audit?: AuditContext): Promise<Order> {
    return this.orders.returnToPool(orderId, actor, reason, audit);
  }

  // ---------------------------------------------------------------- escort status with orders in hand

  /**
   * Suspends an escort. Like leave, it never strands orders: with upcoming assigned orders it is
   * refused (409, orders listed) unless `returnToPool`, which sends them back to the pool with the
   * alert in the same transaction as the status change.
   */
  async suspendEscort(ctx: AuditContext, actor: OrderActor, escortId: number, options: { reason: string; returnToPool: boolean }, cityIds: number[] | null) {
    const escort = await this.escorts.mustFindInScope(escortId, cityIds);
    if (escort.status === 'suspended') throw Errors.conflict('ESCORT_ALREADY_SUSPENDED', '该陪诊师已停用');
    const now = new Date();
    const far = new Date(now.getTime() + 366 * 24 * 3600_000);
    await this.orders.tx.run(async manager => {
      const held = await this.orderQuery.heldOrdersOverlapping(escortId, new Date(0), far, manager);
      const open = held.filter(o => o.status !== 'pending_payment' || new Date(o.endAt).getTime() > now.getTime());
      const briefs = open.map(o => ({ ...this.orderQuery.brief(o), canReturnToPool: ['dispatched', 'accepted'].includes(o.status) }));
      if (open.length && !options.returnToPool) {
        throw Errors.conflict('ESCORT_HAS_ORDERS', `该陪诊师还有 ${open.length} 个未完成的订单，请先改派，或选择退回派单池`, { orders: briefs });
      }
      const stuck = briefs.filter(b => !b.canReturnToPool);
      if (stuck.length) throw Errors.conflict('ESCORT_ORDERS_NOT_RETURNABLE', `有 ${stuck.length} 个订单已出发、服务中或待支付，无法退回派单池`, { orders: stuck });
      for (const o of open) await this.orders.returnToPoolIn(manager, await this.orders.loadFor(manager, o.id, actor), actor, `陪诊师停用：${options.reason}`);
      if (!(await this.escorts.swapStatus(manager, escortId, ['applicant', 'active'], 'suspended'))) throw Errors.conflict('ESCORT_STATUS_CHANGED', '陪诊师状态已变化，请刷新');
      await this.orders.audit.record(ctx, { action: 'escort.suspend', targetType: 'escort', targetId: escortId, before: { status: escort.status }, after: { status: 'suspended', reason: options.reason, returnedOrderIds: open.map(o => o.id) } }, manager);
    });
    this.factsCache.version.bump();
    await this.orders.notifications.flush().catch(() => undefined);
    return this.escorts.staffView(await this.escorts.mustFind(escortId));
  }

  /** Back to work after a suspension (an applicant becomes active only through an approved application). */
  async reactivateEscort(ctx: AuditContext, escortId: number, reason: string, cityIds: number[] | null) {
    await this.escorts.mustFindInScope(escortId, cityIds);
    await this.orders.tx.run(async manager => {
      if (!(await this.escorts.swapStatus(manager, escortId, ['suspended'], 'active'))) throw Errors.conflict('ESCORT_NOT_SUSPENDED', '只有已停用的陪诊师可以恢复');
      await this.orders.audit.record(ctx, { action: 'escort.reactivate', targetType: 'escort', targetId: escortId, before: { status: 'suspended' }, after: { status: 'active', reason } }, manager);
    });
    this.factsCache.version.bump();
    return this.escorts.staffView(await this.escorts.mustFind(escortId));
  }

  // ---------------------------------------------------------------- the pool

  /**
   * Paid orders without an escort, soonest first, each flagged for the SLA: starting within 24 h,
   * within 2 h (urgent), already started, declined by an escort before, returned to the pool
   * before (timeout, leave). Plus the assigned orders whose escort is late to set off.
   */
  async pool(q: PageQuery & { date?: string }, cityIds: number[] | null, now = new Date()) {
    const workforce = await this.settings.get('workforce');
    const { rows } = await this.orderQuery.pool(cityIds, { page: 1, pageSize: 1000, date: q.date });
    const history = await this.orderQuery.dispatchHistory(rows.map(r => r.id));
    const HOUR = 3_600_000;
    const flagged = rows.map(o => {
      const untilStart = new Date(o.startAt).getTime() - now.getTime();
      const h = history.get(o.id) ?? { declines: 0, returns: 0 };
      const flags = {
        within24h: untilStart <= 24 * HOUR,
        within2h: untilStart <= 2 * HOUR,
        started: untilStart <= 0,
        declined: h.declines > 0,
        returned: h.returns > 0,
      };
      const urgency = flags.within2h ? 'critical' : flags.within24h || flags.declined || flags.returned ? 'warning' : 'normal';
      return {
        ...this.orderQuery.brief(o),
        flags,
        urgency,
        declines: h.declines,
        returns: h.returns,
        waitingMinutes: o.paidAt ? Math.max(0, Math.floor((now.getTime() - new Date(o.paidAt).getTime()) / 60_000)) : null,
      };
    });
    const late = await this.orderQuery.lateToDepart(cityIds, now, workforce.lateDepartMinutes);
    const names = await this.escorts.nameMap(late.map(o => o.escortId as number));
    return {
      list: flagged.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
      total: flagged.length,
      page: q.page,
      pageSize: q.pageSize,
      summary: {
        unassigned: flagged.length,
        within24h: flagged.filter(f => f.flags.within24h).length,
        within2h: flagged.filter(f => f.flags.within2h).length,
        declined: flagged.filter(f => f.flags.declined).length,
        returned: flagged.filter(f => f.flags.returned).length,
        lateToDepart: late.length,
      },
      lateToDepart: late.map(o => ({ ...this.orderQuery.brief(o), escortName: names.get(o.escortId as number) ?? '', minutesToStart: Math.round((new Date(o.startAt).getTime() - now.getTime()) / 60_000) })),
    };
  }

  // ---------------------------------------------------------------- live status

  /**
   * What each escort is doing now, from the facts of now: today's shifts and exceptions, leave
   * covering this instant and open orders. Never from the facts of the day a board shows, which
   * may be another day (a board for tomorrow must not call someone 请假 today).
   */
  private async liveStatusesIn(cityId: number, escorts: ReadonlyArray<{ id: number; status: string }>, weekly: Map<number, ScheduleFacts['weekly']>, now: Date): Promise<Map<number, LiveStatus>> {
    const out = new Map<number, LiveStatus>();
    if (!escorts.length) return out;
    const today = toShanghaiDateString(now);
    const ids = escorts.map(e => e.id);
    const instant = new Date(now.getTime() + 1);
    const [exceptions, leaves, open] = await Promise.all([
      this.schedules.exceptionsForCity(cityId, addDays(today, -1), addDays(today, 1)),
      this.leaves.approvedBetween(now, instant, { cityId }),
      this.orderQuery.openOrdersOf(ids),
    ]);
    const openBy = new Map<number, typeof open>();
    for (const o of open) openBy.set(o.escortId as number, [...(openBy.get(o.escortId as number) ?? []), o]);
    for (const e of escorts) {
      const shifts = shiftIntervals(weekly.get(e.id) ?? [], exceptions.get(e.id) ?? [], now, instant);
      out.set(e.id, liveStatus(now, { escortStatus: e.status, orders: openBy.get(e.id) ?? [], leaves: leaves.get(e.id) ?? [], shifts }));
    }
    return out;
  }

  /** Live status of some escorts (the console's escort list), grouped by city so each city is a few set-based reads. */
  async liveStatuses(escortIds: number[], cityIds: number[] | null, now = new Date()) {
    const escorts = await this.escorts.escorts.find({ where: { id: In(escortIds) }, select: { id: true, status: true, cityId: true } });
    const visible = escorts.filter(e => cityIds === null || cityIds.includes(e.cityId));
    const byCity = new Map<number, typeof visible>();
    for (const e of visible) byCity.set(e.cityId, [...(byCity.get(e.cityId) ?? []), e]);
    const rows: Array<{ escortId: number; liveStatus: LiveStatus; liveStatusLabel: string }> = [];
    for (const [cityId, list] of byCity) {
      const schedules = await this.schedules.factsForEscorts(list.map(e => e.id), toShanghaiDateString(now), toShanghaiDateString(now));
      const weekly = new Map([...schedules].map(([id, f]) => [id, f.weekly]));
      const statuses = await this.liveStatusesIn(cityId, list, weekly, now);
      for (const e of list) {
        const status = statuses.get(e.id) ?? 'offline';
        rows.push({ escortId: e.id, liveStatus: status, liveStatusLabel: LIVE_STATUS_LABELS[status] });
      }
    }
    return rows.sort((a, b) => a.escortId - b.escortId);
  }

  // ---------------------------------------------------------------- the day board

  /**
   * A Gantt day: one row per active escort of the city (their shifts, leave and orders as bars,
   * and what they are doing now), plus the day's orders nobody holds. Rows with something on the
   * day come first; `onlyWorking` hides escorts with neither a shift nor an order.
   */
  async board(date: string, cityId: number, q: PageQuery & { onlyWorking?: boolean }, now = new Date()) {
    const [from, to] = shanghaiDayRange(date);
    const workforce = await this.settings.get('workforce');
    const [city, exceptions, leaves, orders] = await Promise.all([
      this.factsCache.city(cityId),
      this.schedules.exceptionsForCity(cityId, addDays(date, -1), addDays(date, 1)),
      this.leaves.approvedBetween(from, to, { cityId }),
      this.orderQuery.ordersBetween([cityId], from, to),
    ]);
    const active = city.escorts;
    const statuses = await this.liveStatusesIn(cityId, active, city.weekly, now);
    const ordersBy = new Map<number, Order[]>();
    for (const o of orders) if (o.escortId) ordersBy.set(o.escortId, [...(ordersBy.get(o.escortId) ?? []), o]);
    const clip = (i: { start: number | Date; end: number | Date }) => ({
      start: new Date(Math.max(new Date(i.start).getTime(), from.getTime())),
      end: new Date(Math.min(new Date(i.end).getTime(), to.getTime())),
    });
    const lateMs = workforce.lateDepartMinutes * 60_000;
    const rows = active.map(e => {
      const s = { weekly: city.weekly.get(e.id) ?? [], exceptions: exceptions.get(e.id) ?? [] };
      const shifts = shiftIntervals(s.weekly, s.exceptions, from, to);
      const mine = ordersBy.get(e.id) ?? [];
      const status = statuses.get(e.id) ?? 'offline';
      return {
        escortId: e.id,
        name: e.name,
        level: e.level,
        levelLabel: ESCORT_LEVELS[e.level],
        liveStatus: status,
        liveStatusLabel: LIVE_STATUS_LABELS[status],
        shifts: shifts.map(clip),
        leaves: (leaves.get(e.id) ?? []).map(clip),
        orders: mine.map(o => ({
          orderId: o.id,
          orderNo: o.orderNo,
          status: o.status,
          serviceName: o.serviceName,
          hospitalName: o.hospitalName,
          startAt: o.startAt,
          endAt: o.endAt,
          late: ['dispatched', 'accepted'].includes(o.status) && new Date(o.startAt).getTime() - now.getTime() <= lateMs,
        })),
      };
    });
    const shown = rows
      .filter(r => !q.onlyWorking || r.shifts.length > 0 || r.orders.length > 0)
      .sort((a, b) => Number(b.orders.length > 0) - Number(a.orders.length > 0) || Number(b.shifts.length > 0) - Number(a.shifts.length > 0) || a.escortId - b.escortId);
    const unassigned = orders.filter(o => o.escortId === null).map(o => this.orderQuery.brief(o));
    return {
      date,
      cityId,
      from,
      to,
      total: shown.length,
      page: q.page,
      pageSize: q.pageSize,
      escorts: shown.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
      unassigned,
      summary: {
        escorts: active.length,
        working: rows.filter(r => r.shifts.length > 0).length,
        orders: orders.length,
        unassigned: unassigned.length,
        byLiveStatus: Object.fromEntries(Object.keys(LIVE_STATUS_LABELS).map(k => [k, rows.filter(r => r.liveStatus === k).length])),
      },
    };
  }

}
