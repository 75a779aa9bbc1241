import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ShiftExceptionKind } from './shift-calendar';

/**
 * A dated change to an escort's template: an extra shift, or time off (a range, or the whole day
 * when the range is null). Time off holds the escort's time cells in escort_time_claims, like
 * leave, so it cannot be committed together with an assignment of the same time.
 */
@Entity('escort_shift_exceptions')
@Index('idx_escort_shift_exceptions_day', ['date', 'escortId'])
export class EscortShiftException {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_escort_shift_exceptions_escort')
  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  /** Shanghai calendar day, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 8 })
  kind: ShiftExceptionKind;

  @Column({ type: 'int', name: 'start_minute', nullable: true })
  startMinute: number | null;

  @Column({ type: 'int', name: 'end_minute', nullable: true })
  endMinute: number | null;

  @Column({ type: 'varchar', length: 255, default: '' })
  note: string;

  @Column({ type: 'varchar', length: 64, name: 'created_by_name', default: '' })
  createdByName: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
