import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An escort's time, claimed cell by cell. The unique key on (escort, cell start) is what makes a
 * double booking impossible: of two transactions claiming a shared cell, the second fails on the
 * key and rolls back everything it did. Rows are deleted when the order lets the time go.
 */
@Entity('escort_time_claims')
@Index('uq_escort_time_claims_cell', ['escortId', 'cellStart'], { unique: true })
export class EscortTimeClaim {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Column({ type: 'datetime', name: 'cell_start' })
  cellStart: Date;

  @Index('idx_escort_time_claims_order')
  @Column({ type: 'int', name: 'order_id' })
  orderId: number;

  /** Set while the cell is held for a reschedule the escort has not yet answered. */
  @Column({ type: 'int', name: 'reschedule_id', nullable: true })
  rescheduleId: number | null;
}
