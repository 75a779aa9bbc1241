import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type RescheduleStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

/**
 * A request to move an order. Without an escort it applies at once; with one, the new time is held
 * (claimed with this row's id) until the escort accepts or declines.
 */
@Entity('order_reschedules')
export class OrderReschedule {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_order_reschedules_order')
  @Column({ type: 'int', name: 'order_id' })
  orderId: number;

  @Column({ type: 'datetime', name: 'from_start_at' })
  fromStartAt: Date;

  @Column({ type: 'datetime', name: 'to_start_at' })
  toStartAt: Date;

  @Column({ type: 'datetime', name: 'to_end_at' })
  toEndAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: RescheduleStatus;

  @Column({ type: 'varchar', length: 16, name: 'requested_by_type' })
  requestedByType: string;

  @Column({ type: 'int', name: 'requested_by_id', nullable: true })
  requestedById: number | null;

  @Column({ type: 'varchar', length: 255, default: '' })
  reason: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
