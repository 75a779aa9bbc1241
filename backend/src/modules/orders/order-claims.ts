import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, In, IsNull, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { EscortTimeClaim } from './escort-time-claim.entity';
import { timeCells } from './booking-rules';
import { isUniqueViolation } from '../../common/db-errors';
import { Errors } from '../../common/errors';
import type { Interval } from '../../common/time';

const CHUNK = 400;

/**
 * Claims and releases escorts' time. Every write takes the caller's transaction so a claim commits
 * or rolls back with the order change it belongs to.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class OrderClaimService {
  @InjectEntityModel(EscortTimeClaim)
  claims: Repository<EscortTimeClaim>;

  /**
   * Claims every cell of `interval` for the escort. A cell already claimed (by anyone, including
   * this order unless listed in `alreadyMine`) fails the unique key → 409 SLOT_TAKEN, and the
   * caller's transaction rolls back whatever else it wrote.
   */
  async claim(
    manager: EntityManager,
    escortId: number,
    orderId: number,
    interval: Interval,
    cellMinutes: number,
    options: { rescheduleId?: number; alreadyMine?: Set<number> } = {}
  ): Promise<number> {
    const cells = timeCells(interval, cellMinutes).filter(c => !options.alreadyMine?.has(c.getTime()));
    try {
      for (let i = 0; i < cells.length; i += CHUNK) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(EscortTimeClaim)
          .values(cells.slice(i, i + CHUNK).map(cellStart => ({ escortId, cellStart, orderId, rescheduleId: options.rescheduleId ?? null })))
          .updateEntity(false)
          .execute();
      }
    } catch (err) {
      if (isUniqueViolation(err)) throw Errors.conflict('SLOT_TAKEN', '该陪诊师在所选时间已有安排，请选择其他时间或其他陪诊师');
      throw err;
    }
    return cells.length;
  }

  /**
   * Holds the escort's time for approved leave or schedule time off, in the same unique key as
   * orders. A cell any order (or other leave) already holds fails the key → 409 `conflictCode`,
   * and the caller's transaction rolls back.
   */
  async claimBlock(
    manager: EntityManager,
    escortId: number,
    holder: { leaveId: number } | { exceptionId: number },
    interval: Interval,
    cellMinutes: number,
    conflictCode = 'SLOT_TAKEN'
  ): Promise<number> {
    const cells = timeCells(interval, cellMinutes);
    const tag = 'leaveId' in holder ? { leaveId: holder.leaveId, exceptionId: null } : { leaveId: null, exceptionId: holder.exceptionId };
    try {
      for (let i = 0; i < cells.length; i += CHUNK) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(EscortTimeClaim)
          .values(cells.slice(i, i + CHUNK).map(cellStart => ({ escortId, cellStart, orderId: null, rescheduleId: null, ...tag })))
          .updateEntity(false)
          .execute();
      }
    } catch (err) {
      if (isUniqueViolation(err)) throw Errors.conflict(conflictCode, '该陪诊师在这段时间已有订单或其他安排，请刷新后重试');
      throw err;
    }
    return cells.length;
  }

  async releaseLeave(manager: EntityManager, leaveId: number): Promise<void> {
    await manager.getRepository(EscortTimeClaim).delete({ leaveId });
  }

  async releaseException(manager: EntityManager, exceptionId: number): Promise<void> {
    await manager.getRepository(EscortTimeClaim).delete({ exceptionId });
  }

  /**
   * Every claimed cell in `[from, to)` for the given escorts (all escorts when null), for dispatch
   * to work out who is busy. Raw rows: this runs for thousands of escorts per ranking.
   */
  async cellsAround(from: Date, to: Date, escortIds: number[] | null = null): Promise<Array<{ escortId: number; cellStart: number; orderId: number | null }>> {
    const qb = this.claims
      .createQueryBuilder('c')
      .select(['c.escort_id AS escortId', 'c.cell_start AS cellStart', 'c.order_id AS orderId'])
      .where('c.cell_start >= :from AND c.cell_start < :to', { from, to });
    if (escortIds !== null) {
      if (!escortIds.length) return [];
      qb.andWhere('c.escort_id IN (:...escortIds)', { escortIds });
    }
    const rows = await qb.getRawMany();
    return rows.map(r => ({
      escortId: Number(r.escortId),
      cellStart: toUtcMs(r.cellStart),
      orderId: r.orderId === null ? null : Number(r.orderId),
    }));
  }

  /** Lets go of all the order's time (cancel, close, reassign, completion). */
  async releaseAll(manager: EntityManager, orderId: number): Promise<void> {
    await manager.getRepository(EscortTimeClaim).delete({ orderId });
  }

  /** Drops the cells held for a reschedule the escort declined. */
  async releaseHold(manager: EntityManager, orderId: number, rescheduleId: number): Promise<void> {
    await manager.getRepository(EscortTimeClaim).delete({ orderId, rescheduleId });
  }

  /**
   * The escort accepted a reschedule: the held cells become the order's, and the old cells outside
   * the new time go (old cells inside it were never re-claimed, so they stay).
   */
  async commitHold(manager: EntityManager, orderId: number, rescheduleId: number, newTime: Interval): Promise<void> {
    const repo = manager.getRepository(EscortTimeClaim);
    const start = new Date(newTime.start);
    const end = new Date(newTime.end);
    await repo.delete({ orderId, rescheduleId: IsNull(), cellStart: LessThan(start) });
    await repo.delete({ orderId, rescheduleId: IsNull(), cellStart: MoreThanOrEqual(end) });
    await repo.update({ orderId, rescheduleId }, { rescheduleId: null });
  }

  /** Cell starts (epoch ms) the order currently holds outside any pending reschedule. */
  async cellsOf(manager: EntityManager, orderId: number): Promise<Set<number>> {
    const rows = await manager.getRepository(EscortTimeClaim).find({ where: { orderId, rescheduleId: IsNull() }, select: { cellStart: true } });
    return new Set(rows.map(r => new Date(r.cellStart).getTime()));
  }

  /** The escort's claimed time in `[from, to)` as merged intervals, for availability and suggestions. */
  async busyIntervals(escortId: number, from: Date, to: Date, cellMinutes: number, exceptOrderId?: number): Promise<Interval[]> {
    const qb = this.claims
      .createQueryBuilder('c')
      .where('c.escort_id = :escortId', { escortId })
      .andWhere('c.cell_start >= :from AND c.cell_start < :to', { from: new Date(from.getTime() - cellMinutes * 60_000), to })
      .orderBy('c.cell_start', 'ASC');
    // Leave and time off hold cells without an order: `order_id <> x` alone would skip them.
    if (exceptOrderId) qb.andWhere('(c.order_id IS NULL OR c.order_id <> :exceptOrderId)', { exceptOrderId });
    const rows = await qb.getMany();
    const cellMs = cellMinutes * 60_000;
    const merged: { start: number; end: number }[] = [];
    for (const r of rows) {
      const s = new Date(r.cellStart).getTime();
      const last = merged[merged.length - 1];
      if (last && last.end === s) last.end = s + cellMs;
      else merged.push({ start: s, end: s + cellMs });
    }
    return merged.map(m => ({ start: new Date(m.start), end: new Date(m.end) }));
  }

  async countForOrders(orderIds: number[]): Promise<number> {
    return orderIds.length ? this.claims.count({ where: { orderId: In(orderIds) } }) : 0;
  }
}

/**
 * A raw datetime from either driver as epoch ms. mysql2 (timezone 'Z') gives a Date; better-sqlite3
 * gives the text TypeORM wrote, `YYYY-MM-DD HH:MM:SS(.mmm)` in UTC.
 */
export function toUtcMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`).getTime();
}
