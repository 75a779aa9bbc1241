import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const LEAVE_TYPES = { personal: '事假', sick: '病假', annual: '年假', other: '其他' } as const;
export type LeaveType = keyof typeof LEAVE_TYPES;

export type LeaveStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';
export const LEAVE_STATUSES: Record<LeaveStatus, string> = { pending: '待审批', approved: '已批准', rejected: '已驳回', cancelled: '已撤销' };

/**
 * Leave for `[startAt, endAt)`. Approved leave holds the escort's time cells in escort_time_claims
 * (tagged with this leave's id), so approving it and assigning an order in the same time can
 * never both commit: whichever inserts a shared cell second fails on the unique key.
 */
@Entity('escort_leaves')
@Index('idx_escort_leaves_escort', ['escortId', 'startAt'])
@Index('idx_escort_leaves_status', ['status', 'startAt'])
export class EscortLeave {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Column({ type: 'int', name: 'city_id' })
  cityId: number;

  @Column({ type: 'varchar', length: 16 })
  type: LeaveType;

  @Column({ type: 'datetime', name: 'start_at' })
  startAt: Date;

  @Column({ type: 'datetime', name: 'end_at' })
  endAt: Date;

  @Column({ type: 'varchar', length: 255, default: '' })
  reason: string;

  @Column({ type: 'varchar', length: 16 })
  status: LeaveStatus;

  /** Who entered it: the escort in the workbench, or staff on their behalf. */
  @Column({ type: 'varchar', length: 16 })
  source: 'escort' | 'staff';

  @Column({ type: 'varchar', length: 64, name: 'created_by_name', default: '' })
  createdByName: string;

  @Column({ type: 'datetime', name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'int', name: 'decided_by_id', nullable: true })
  decidedById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'decided_by_name', default: '' })
  decidedByName: string;

  @Column({ type: 'varchar', length: 255, name: 'decision_reason', default: '' })
  decisionReason: string;

  /** Orders sent back to the dispatch pool when the leave was approved. */
  @Column({ type: 'int', name: 'returned_orders', default: 0 })
  returnedOrders: number;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
