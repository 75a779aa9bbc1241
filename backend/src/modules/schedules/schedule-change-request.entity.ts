import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ShiftExceptionKind } from './shift-calendar';

export type ChangeRequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';
export const CHANGE_REQUEST_STATUSES: Record<ChangeRequestStatus, string> = { pending: '待审批', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回' };

/** An escort asks for an extra shift or time off on a date; approval creates the exception. */
@Entity('schedule_change_requests')
@Index('idx_schedule_change_requests_status', ['status', 'id'])
export class ScheduleChangeRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_schedule_change_requests_escort')
  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Column({ type: 'int', name: 'city_id' })
  cityId: number;

  @Column({ type: 'varchar', length: 8 })
  kind: ShiftExceptionKind;

  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'int', name: 'start_minute', nullable: true })
  startMinute: number | null;

  @Column({ type: 'int', name: 'end_minute', nullable: true })
  endMinute: number | null;

  @Column({ type: 'varchar', length: 255, default: '' })
  reason: string;

  @Column({ type: 'varchar', length: 16 })
  status: ChangeRequestStatus;

  @Column({ type: 'int', name: 'exception_id', nullable: true })
  exceptionId: number | null;

  @Column({ type: 'datetime', name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'varchar', length: 64, name: 'decided_by_name', default: '' })
  decidedByName: string;

  @Column({ type: 'varchar', length: 255, name: 'decision_reason', default: '' })
  decisionReason: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
