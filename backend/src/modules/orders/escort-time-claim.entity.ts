import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An escort's time, claimed cell by cell. The unique key on (escort, cell start) is what makes a
 * double booking impossible: of two transactions claiming a shared cell, the second fails on the
 * key and rolls back everything it did. Rows are deleted when the order lets the time go.
 *
 * A cell is held by exactly one of: an order (`orderId`), approved leave (`leaveId`) or time off
 * in the schedule (`exceptionId`). Holding leave and time off in the same key is what stops a
 * leave approval and an assignment of the same time from both committing.
 */
@Entity('escort_time_claims')
@Index('uq_escort_time_claims_cell', ['escortId', 'cellStart'], { unique: true })
export class EscortTimeClaim {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  /** Also indexed alone: dispatch reads every escort's claims around one order's time. */
  @Index('idx_escort_time_claims_cell_start')
  @Column({ type: 'datetime', name: 'cell_start' })
  cellStart: Date;

  @Index('idx_escort_time_claims_order')
  @Column({ type: 'int', name: 'order_id', nullable: true })
  orderId: number | null;

  /** Set while the cell is held for a reschedule the escort has not yet answered. */
  @Column({ type: 'int', name: 'reschedule_id', nullable: true })
  rescheduleId: number | null;

  @Index('idx_escort_time_claims_leave')
  @Column({ type: 'int', name: 'leave_id', nullable: true })
  leaveId: number | null;

  @Index('idx_escort_time_claims_exception')
  @Column({ type: 'int', name: 'exception_id', nullable: true })
  exceptionId: number | null;
}
