import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Between, EntityManager, FindOptionsWhere, In, Like, Repository } from 'typeorm';
import { EscortWeeklyShift } from './escort-weekly-shift.entity';
import { ShiftTemplate, rangesOf } from './shift-template.entity';
import { EscortShiftException } from './escort-shift-exception.entity';
import { CHANGE_REQUEST_STATUSES, ChangeRequestStatus, ScheduleChangeRequest } from './schedule-change-request.entity';
import {
  MINUTES_PER_DAY,
  WEEKDAY_LABELS,
  ShiftExceptionFact,
  Weekday,
  WeeklyRange,
  dateRangeInterval,
  datesBetween,
  dayRanges,
  formatClock,
  parseClock,
  shiftIntervals,
  rangeProblem,
  weekdayOf,
  weeklyTemplateProblem,
} from './shift-calendar';
import type { WeeklyRangeDTO } from './dto/schedule.dto';
import { EscortService } from '../escorts/escort.service';
import { ESCORT_LEVELS, Escort } from '../escorts/escort.entity';
import { WorkforceFactsVersion } from '../escorts/workforce-facts-version';
import { OrderClaimService } from '../orders/order-claims';
import { OrderQueryService } from '../orders/order-query.service';
import { NotificationService } from '../notifications/notification.service';
import { SettingsService } from '../settings/settings.service';
import { staffHolding } from '../users/staff-recipients';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { Errors } from '../../common/errors';
import { PageQuery, toPage } from '../../common/pagination';
import { toShanghaiDateString } from '../../common/time';

export interface ScheduleFacts {
  weekly: WeeklyRange[];
  exceptions: ShiftExceptionFact[];
}

export interface ExceptionInput {
  date: string;
  kind: 'extra' | 'off';
  start?: string | null;
  end?: string | null;
  note?: string;
}

const MAX_CALENDAR_DAYS = 62;
const MAX_TEAM_DAYS = 31;

/** `{weekday, start: 'HH:mm', end: 'HH:mm'}` → minutes, with the template's problems as a 400. */
export function toWeeklyRanges(input: WeeklyRangeDTO[]): WeeklyRange[] {
  const ranges = input.map(r => ({ weekday: r.weekday, startMinute: parseClock(r.start) ?? -1, endMinute: parseClock(r.end) ?? -1 }));
  const problem = weeklyTemplateProblem(ranges);
  if (problem) throw Errors.validation(problem);
  return ranges.sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
}

export function rangeView(r: WeeklyRange) {
  return { weekday: r.weekday, weekdayLabel: WEEKDAY_LABELS[r.weekday as Weekday], start: formatClock(r.startMinute), end: formatClock(r.endMinute) };
}

/** A dated exception's minutes; `off` without a range is the whole day. */
function exceptionRange(input: ExceptionInput): { startMinute: number | null; endMinute: number | null } {
  const hasStart = input.start !== undefined && input.start !== null;
  const hasEnd = input.end !== undefined && input.end !== null;
  if (hasStart !== hasEnd) throw Errors.validation('开始和结束时间需同时填写');
  if (!hasStart) {
    if (input.kind === 'extra') throw Errors.validation('加班需填写开始和结束时间');
    return { startMinute: null, endMinute: null };
  }
  const r = { startMinute: parseClock(input.start as string) ?? -1, endMinute: parseClock(input.end as string) ?? -1 };
  const problem = rangeProblem(r);
  if (problem) throw Errors.validation(problem);
  return r;
}

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/**
 * Escorts' schedules: weekly templates, named templates applied in bulk, dated exceptions, and
 * change requests from escorts. Time off holds the escort's claim cells (like leave), so it can
 * never be committed at the same time as an assignment in that time; adding it while orders are
 * assigned there is refused with the orders listed.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ScheduleService {
  @InjectEntityModel(EscortWeeklyShift)
  weeklyRows: Repository<EscortWeeklyShift>;

  @InjectEntityModel(ShiftTemplate)
  templates: Repository<ShiftTemplate>;

  @InjectEntityModel(EscortShiftException)
  exceptions: Repository<EscortShiftException>;

  @InjectEntityModel(ScheduleChangeRequest)
  requests: Repository<ScheduleChangeRequest>;

  @Inject()
  escorts: EscortService;

  @Inject()
  claims: OrderClaimService;

  @Inject()
  orderQuery: OrderQueryService;

  @Inject()
  notifications: NotificationService;

  @Inject()
  settings: SettingsService;

  @Inject()
  audit: AuditService;

  @Inject()
  tx: TransactionService;

  @Inject()
  factsVersion: WorkforceFactsVersion;

  // ---------------------------------------------------------------- weekly template per escort

  async weekly(escortId: number): Promise<WeeklyRange[]> {
    const rows = await this.weeklyRows.find({ where: { escortId }, order: { weekday: 'ASC', startMinute: 'ASC' } });
    return rows.map(r => ({ weekday: r.weekday, startMinute: r.startMinute, endMinute: r.endMinute }));
  }

  private async replaceWeekly(manager: EntityManager, escortIds: number[], ranges: WeeklyRange[]): Promise<void> {
    const repo = manager.getRepository(EscortWeeklyShift);
    for (let i = 0; i < escortIds.length; i += 500) await repo.delete({ escortId: In(escortIds.slice(i, i + 500)) });
    const rows = escortIds.flatMap(escortId => ranges.map(r => ({ escortId, weekday: r.weekday, startMinute: r.startMinute, endMinute: r.endMinute })));
    for (let i = 0; i < rows.length; i += 500) await repo.insert(rows.slice(i, i + 500));
  }

  /**
   * Replaces the escort's week. Orders already assigned that the new week no longer covers stay
   * assigned (the escort agreed to them) and are listed so staff can decide.
   */
  async setWeekly(ctx: AuditContext, escortId: number, input: WeeklyRangeDTO[], cityIds: number[] | null) {
    await this.escorts.mustFindInScope(escortId, cityIds);
    const ranges = toWeeklyRanges(input);
    const before = await this.weekly(escortId);
    await this.tx.run(async manager => {
      await this.replaceWeekly(manager, [escortId], ranges);
      await this.audit.record(ctx, { action: 'schedule.weekly', targetType: 'escort', targetId: escortId, before: { ranges: before.map(rangeView) }, after: { ranges: ranges.map(rangeView) } }, manager);
    });
    this.factsVersion.bump();
    return { escortId, ranges: ranges.map(rangeView), ordersOutsideShift: await this.ordersOutsideShift(escortId) };
  }

  /** The escort's upcoming assigned orders that fall outside their shifts. */
  async ordersOutsideShift(escortId: number, now = new Date()) {
    const horizon = new Date(now.getTime() + 62 * 24 * 3600_000);
    const orders = (await this.orderQuery.heldOrdersOverlapping(escortId, now, horizon)).filter(o => o.status !== 'pending_payment');
    if (!orders.length) return [];
    const facts = await this.factsForEscorts([escortId], toShanghaiDateString(now), toShanghaiDateString(horizon));
    const f = facts.get(escortId) ?? { weekly: [], exceptions: [] };
    return orders
      .filter(o => !shiftIntervals(f.weekly, f.exceptions, o.startAt, o.endAt).some(s => s.start <= new Date(o.startAt).getTime() && new Date(o.endAt).getTime() <= s.end))
      .map(o => this.orderQuery.brief(o));
  }

  // ---------------------------------------------------------------- named templates

  private templateView(t: ShiftTemplate) {
    return { id: t.id, name: t.name, ranges: rangesOf(t).map(rangeView), updatedAt: t.updatedAt };
  }

  async listTemplates() {
    return (await this.templates.find({ order: { id: 'ASC' } })).map(t => this.templateView(t));
  }

  async saveTemplate(ctx: AuditContext, id: number | null, name: string, input: WeeklyRangeDTO[]) {
    const ranges = toWeeklyRanges(input);
    const savedId = await this.tx.run(async manager => {
      const repo = manager.getRepository(ShiftTemplate);
      const clash = await repo.findOne({ where: { name } });
      if (clash && clash.id !== id) throw Errors.conflict('SHIFT_TEMPLATE_NAME_TAKEN', '已有同名的排班模板');
      let tid = id;
      if (tid === null) tid = (await repo.insert({ name, rangesJson: JSON.stringify(ranges) })).identifiers[0].id as number;
      else {
        const res = await repo.update({ id: tid }, { name, rangesJson: JSON.stringify(ranges) });
        if (!res.affected) throw Errors.notFound('排班模板');
      }
      await this.audit.record(ctx, { action: id === null ? 'schedule.template.create' : 'schedule.template.update', targetType: 'shift_template', targetId: tid, after: { name, ranges: ranges.map(rangeView) } }, manager);
      return tid;
    });
    return this.templateView(await this.templates.findOneByOrFail({ id: savedId }));
  }

  async deleteTemplate(ctx: AuditContext, id: number) {
    await this.tx.run(async manager => {
      const t = await manager.getRepository(ShiftTemplate).findOne({ where: { id } });
      if (!t) throw Errors.notFound('排班模板');
      await manager.getRepository(ShiftTemplate).delete({ id });
      await this.audit.record(ctx, { action: 'schedule.template.delete', targetType: 'shift_template', targetId: id, before: { name: t.name } }, manager);
    });
    return { id, deleted: true };
  }

  /** Copies a template onto many escorts' weeks at once (all in one transaction: all or none). */
  async applyTemplate(ctx: AuditContext, templateId: number, escortIds: number[], cityIds: number[] | null) {
    const t = await this.templates.findOne({ where: { id: templateId } });
    if (!t) throw Errors.notFound('排班模板');
    const found = await this.escorts.escorts.find({ where: { id: In(escortIds) }, select: { id: true, cityId: true } });
    if (found.length !== escortIds.length) {
      const missing = escortIds.filter(id => !found.some(e => e.id === id));
      throw Errors.rule('ESCORT_NOT_FOUND', `陪诊师不存在：${missing.join('、')}`, { missing });
    }
    if (cityIds !== null && found.some(e => !cityIds.includes(e.cityId))) throw Errors.cityScope();
    const ranges = rangesOf(t);
    await this.tx.run(async manager => {
      await this.replaceWeekly(manager, escortIds, ranges);
      await this.audit.record(ctx, { action: 'schedule.template.apply', targetType: 'shift_template', targetId: templateId, after: { name: t.name, escortIds } }, manager);
    });
    this.factsVersion.bump();
    return { templateId, applied: escortIds.length, escortIds };
  }

  // ---------------------------------------------------------------- dated exceptions

  private exceptionView(e: EscortShiftException) {
    return {
      id: e.id,
      escortId: e.escortId,
      date: e.date,
      kind: e.kind,
      kindLabel: e.kind === 'extra' ? '加班' : '休息',
      start: e.startMinute === null ? null : formatClock(e.startMinute),
      end: e.endMinute === null ? null : formatClock(e.endMinute),
      wholeDay: e.startMinute === null,
      note: e.note,
      createdByName: e.createdByName,
      createdAt: e.createdAt,
    };
  }

  async listExceptions(escortId: number, from: string, to: string) {
    const rows = await this.exceptions.find({ where: { escortId, date: Between(from, to) }, order: { date: 'ASC', id: 'ASC' } });
    return rows.map(e => this.exceptionView(e));
  }

  /**
   * Adds an exception inside the caller's transaction. Time off must not strand orders: if the
   * escort holds orders in that time it is refused (409) with the orders listed; otherwise its
   * cells are claimed, which also fails if an assignment commits first.
   */
  async addExceptionIn(manager: EntityManager, escort: Escort, input: ExceptionInput, byName: string): Promise<EscortShiftException> {
    if (!isRealDate(input.date)) throw Errors.validation('日期不正确');
    if (input.date < toShanghaiDateString(new Date())) throw Errors.rule('SCHEDULE_DATE_PAST', '不能修改已过去日期的排班');
    const range = exceptionRange(input);
    const repo = manager.getRepository(EscortShiftException);
    const inserted = await repo.insert({ escortId: escort.id, date: input.date, kind: input.kind, ...range, note: input.note ?? '', createdByName: byName.slice(0, 64) });
    const id = inserted.identifiers[0].id as number;
    if (input.kind === 'off') {
      const interval = dateRangeInterval(input.date, { startMinute: range.startMinute ?? 0, endMinute: range.endMinute ?? MINUTES_PER_DAY });
      const start = new Date(interval.start);
      const end = new Date(interval.end);
      const held = await this.orderQuery.heldOrdersOverlapping(escort.id, start, end, manager);
      if (held.length) {
        throw Errors.conflict('SCHEDULE_COLLIDES_WITH_ORDERS', `该时段已有 ${held.length} 个订单，请先改派或通过请假审批退回派单池`, { orders: held.map(o => this.orderQuery.brief(o)) });
      }
      const slot = (await this.settings.get('booking', manager)).slotMinutes;
      await this.claims.claimBlock(manager, escort.id, { exceptionId: id }, { start, end }, slot, 'SCHEDULE_TIME_TAKEN');
    }
    return repo.findOneByOrFail({ id });
  }

  async addException(ctx: AuditContext, escortId: number, input: ExceptionInput, cityIds: number[] | null) {
    const escort = await this.escorts.mustFindInScope(escortId, cityIds);
    const saved = await this.tx.run(async manager => {
      const e = await this.addExceptionIn(manager, escort, input, ctx.principal?.displayName ?? '系统');
      await this.audit.record(ctx, { action: 'schedule.exception.create', targetType: 'escort', targetId: escortId, after: this.exceptionView(e) }, manager);
      return e;
    });
    return this.exceptionView(saved);
  }

  async removeException(ctx: AuditContext, escortId: number, exceptionId: number, cityIds: number[] | null) {
    await this.escorts.mustFindInScope(escortId, cityIds);
    await this.tx.run(async manager => {
      const e = await manager.getRepository(EscortShiftException).findOne({ where: { id: exceptionId, escortId } });
      if (!e) throw Errors.notFound('排班调整');
      await this.claims.releaseException(manager, e.id);
      await manager.getRepository(EscortShiftException).delete({ id: e.id });
      await this.audit.record(ctx, { action: 'schedule.exception.delete', targetType: 'escort', targetId: escortId, before: this.exceptionView(e) }, manager);
    });
    return { id: exceptionId, deleted: true };
  }

  // ---------------------------------------------------------------- change requests

  private requestView(r: ScheduleChangeRequest, names?: Map<number, string>) {
    return {
      id: r.id,
      escortId: r.escortId,
      escortName: names?.get(r.escortId) ?? '',
      cityId: r.cityId,
      kind: r.kind,
      kindLabel: r.kind === 'extra' ? '加班' : '休息',
      date: r.date,
      start: r.startMinute === null ? null : formatClock(r.startMinute),
      end: r.endMinute === null ? null : formatClock(r.endMinute),
      reason: r.reason,
      status: r.status,
      statusLabel: CHANGE_REQUEST_STATUSES[r.status],
      exceptionId: r.exceptionId,
      decidedAt: r.decidedAt,
      decidedByName: r.decidedByName,
      decisionReason: r.decisionReason,
      createdAt: r.createdAt,
    };
  }

  async requestChange(escortId: number, input: ExceptionInput & { reason: string }) {
    const escort = await this.escorts.mustFind(escortId);
    if (!isRealDate(input.date)) throw Errors.validation('日期不正确');
    if (input.date < toShanghaiDateString(new Date())) throw Errors.rule('SCHEDULE_DATE_PAST', '不能申请调整已过去日期的排班');
    const range = exceptionRange(input);
    const id = await this.tx.run(async manager => {
      const inserted = await manager.getRepository(ScheduleChangeRequest).insert({ escortId, cityId: escort.cityId, kind: input.kind, date: input.date, ...range, reason: input.reason, status: 'pending' });
      return inserted.identifiers[0].id as number;
    });
    return this.requestView(await this.requests.findOneByOrFail({ id }));
  }

  async listRequests(q: PageQuery & { status?: ChangeRequestStatus }, scope: { escortId?: number; cityIds?: number[] | null }) {
    const where: FindOptionsWhere<ScheduleChangeRequest> = {};
    if (q.status) where.status = q.status;
    if (scope.escortId) where.escortId = scope.escortId;
    if (scope.cityIds) where.cityId = In(scope.cityIds);
    const [rows, total] = await this.requests.findAndCount({ where, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const names = await this.escorts.nameMap(rows.map(r => r.escortId));
    return toPage(rows.map(r => this.requestView(r, names)), total, q);
  }

  async withdrawRequest(escortId: number, id: number) {
    const res = await this.requests.update({ id, escortId, status: 'pending' }, { status: 'withdrawn' });
    if (!res.affected) {
      if (!(await this.requests.findOne({ where: { id, escortId } }))) throw Errors.notFound('排班申请');
      throw Errors.conflict('SCHEDULE_REQUEST_DECIDED', '该申请已处理');
    }
    return this.requestView(await this.requests.findOneByOrFail({ id }));
  }

  /** Ops decide; approval adds the exception in the same transaction (time off claims the escort's time). */
  async decideRequest(ctx: AuditContext, id: number, approve: boolean, reason: string, cityIds: number[] | null) {
    const r = await this.requests.findOne({ where: { id } });
    if (!r) throw Errors.notFound('排班申请');
    if (cityIds !== null && !cityIds.includes(r.cityId)) throw Errors.cityScope();
    const escort = await this.escorts.mustFind(r.escortId);
    const by = ctx.principal?.displayName ?? '系统';
    await this.tx.run(async manager => {
      const repo = manager.getRepository(ScheduleChangeRequest);
      let exceptionId: number | null = null;
      if (approve) {
        const e = await this.addExceptionIn(manager, escort, { date: r.date, kind: r.kind, start: r.startMinute === null ? null : formatClock(r.startMinute), end: r.endMinute === null ? null : formatClock(r.endMinute), note: `申请：${r.reason}` }, by);
        exceptionId = e.id;
      }
      const swapped = await repo.update(
        { id, status: 'pending' },
        { status: approve ? 'approved' : 'rejected', exceptionId, decidedAt: new Date(), decidedByName: by.slice(0, 64), decisionReason: reason }
      );
      if (!swapped.affected) throw Errors.conflict('SCHEDULE_REQUEST_DECIDED', '该申请已处理');
      const detail = `${r.kind === 'extra' ? '加班' : '休息'}${r.startMinute === null ? '全天' : ` ${formatClock(r.startMinute)}-${formatClock(r.endMinute as number)}`}`;
      await this.notifications.notify(manager, approve ? 'schedule_change_approved' : 'schedule_change_rejected', [{ type: 'escort', id: r.escortId }], { date: r.date, detail, reason }, null);
      await this.audit.record(ctx, { action: approve ? 'schedule.request.approve' : 'schedule.request.reject', targetType: 'schedule_change_request', targetId: id, after: { reason } }, manager);
    });
    await this.notifications.flush().catch(() => undefined);
    return this.requestView(await this.requests.findOneByOrFail({ id }));
  }

  /** Staff who keep schedules in the escort's city (for alerts). */
  async schedulersOf(manager: EntityManager, cityId: number) {
    return staffHolding(manager, 'schedule:write', cityId);
  }

  // ---------------------------------------------------------------- facts for availability and calendars

  /** Weekly ranges and exceptions of these escorts for Shanghai dates `[fromDate, toDate]`. */
  async factsForEscorts(escortIds: number[], fromDate: string, toDate: string): Promise<Map<number, ScheduleFacts>> {
    const out = new Map<number, ScheduleFacts>(escortIds.map(id => [id, { weekly: [], exceptions: [] }]));
    if (!escortIds.length) return out;
    const [weekly, exceptions] = await Promise.all([
      this.weeklyRows.find({ where: { escortId: In(escortIds) } }),
      this.exceptions.find({ where: { escortId: In(escortIds), date: Between(fromDate, toDate) } }),
    ]);
    for (const w of weekly) out.get(w.escortId)!.weekly.push({ weekday: w.weekday, startMinute: w.startMinute, endMinute: w.endMinute });
    for (const e of exceptions) out.get(e.escortId)!.exceptions.push({ date: e.date, kind: e.kind, startMinute: e.startMinute, endMinute: e.endMinute });
    return out;
  }

  /** Every weekly range of every escort of a city (dispatch caches this per city). */
  async weeklyForCity(cityId: number): Promise<Map<number, WeeklyRange[]>> {
    const rows = await this.weeklyRows
      .createQueryBuilder('s')
      .innerJoin(Escort, 'e', 'e.id = s.escort_id')
      .select(['s.escort_id AS escortId', 's.weekday AS weekday', 's.start_minute AS startMinute', 's.end_minute AS endMinute'])
      .where('e.city_id = :cityId', { cityId })
      .getRawMany();
    const out = new Map<number, WeeklyRange[]>();
    for (const w of rows) {
      const id = Number(w.escortId);
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push({ weekday: Number(w.weekday), startMinute: Number(w.startMinute), endMinute: Number(w.endMinute) });
    }
    return out;
  }

  /** Dated exceptions of every escort of a city for Shanghai dates `[fromDate, toDate]` (few rows: read fresh). */
  async exceptionsForCity(cityId: number, fromDate: string, toDate: string): Promise<Map<number, ShiftExceptionFact[]>> {
    const rows = await this.exceptions
      .createQueryBuilder('x')
      .innerJoin(Escort, 'e', 'e.id = x.escort_id')
      .select(['x.escort_id AS escortId', 'x.date AS date', 'x.kind AS kind', 'x.start_minute AS startMinute', 'x.end_minute AS endMinute'])
      .where('e.city_id = :cityId AND x.date >= :fromDate AND x.date <= :toDate', { cityId, fromDate, toDate })
      .getRawMany();
    const out = new Map<number, ShiftExceptionFact[]>();
    for (const x of rows) {
      const id = Number(x.escortId);
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push({ date: x.date, kind: x.kind, startMinute: x.startMinute === null ? null : Number(x.startMinute), endMinute: x.endMinute === null ? null : Number(x.endMinute) });
    }
    return out;
  }

  /**
   * The team view: a page of a city's active escorts, each with their working ranges day by day
   * for `[from, to]` (at most 31 days) and that period's exceptions, in three queries per page.
   */
  async team(q: PageQuery & { from: string; to: string; keyword?: string }, cityIds: number[] | null) {
    if (!isRealDate(q.from) || !isRealDate(q.to) || q.from > q.to) throw Errors.validation('日期范围不正确');
    const days = datesBetween(q.from, q.to);
    if (days.length > MAX_TEAM_DAYS) throw Errors.validation(`团队排班一次最多查询 ${MAX_TEAM_DAYS} 天`);
    const where: FindOptionsWhere<Escort> = { status: 'active' };
    if (cityIds !== null) where.cityId = In(cityIds);
    if (q.keyword) where.name = Like(`%${q.keyword}%`);
    const [escorts, total] = await this.escorts.escorts.findAndCount({ where, order: { id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const ids = escorts.map(e => e.id);
    const facts = await this.factsForEscorts(ids, q.from, q.to);
    const exceptionRows = ids.length ? await this.exceptions.find({ where: { escortId: In(ids), date: Between(q.from, q.to) }, order: { date: 'ASC', id: 'ASC' } }) : [];
    const list = escorts.map(e => {
      const f = facts.get(e.id)!;
      const mine = exceptionRows.filter(x => x.escortId === e.id).map(x => this.exceptionView(x));
      return {
        escortId: e.id,
        name: e.name,
        level: e.level,
        levelLabel: ESCORT_LEVELS[e.level],
        weekly: f.weekly.map(rangeView),
        days: days.map(date => ({
          date,
          weekday: weekdayOf(date),
          weekdayLabel: WEEKDAY_LABELS[weekdayOf(date)],
          ranges: dayRanges(date, f.weekly, f.exceptions).map(r => ({ start: formatClock(r.startMinute), end: formatClock(r.endMinute) })),
          exceptions: mine.filter(x => x.date === date),
        })),
      };
    });
    return { from: q.from, to: q.to, ...toPage(list, total, q) };
  }

  /** Day by day: the working ranges after exceptions, and the exceptions themselves. */
  async calendar(escortId: number, from: string, to: string) {
    if (!isRealDate(from) || !isRealDate(to) || from > to) throw Errors.validation('日期范围不正确');
    const days = datesBetween(from, to);
    if (days.length > MAX_CALENDAR_DAYS) throw Errors.validation(`一次最多查询 ${MAX_CALENDAR_DAYS} 天`);
    const facts = (await this.factsForEscorts([escortId], from, to)).get(escortId)!;
    const exceptionRows = await this.listExceptions(escortId, from, to);
    return {
      escortId,
      from,
      to,
      weekly: facts.weekly.map(rangeView),
      days: days.map(date => ({
        date,
        weekday: weekdayOf(date),
        weekdayLabel: WEEKDAY_LABELS[weekdayOf(date)],
        ranges: dayRanges(date, facts.weekly, facts.exceptions).map(r => ({ start: formatClock(r.startMinute), end: formatClock(r.endMinute) })),
        exceptions: exceptionRows.filter(e => e.date === date),
      })),
    };
  }
}
