import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: one row per status change, written in the same transaction as the change. */
@Entity('order_status_logs')
export class OrderStatusLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_order_status_logs_order')
  @Column({ type: 'int', name: 'order_id' })
  orderId: number;

  @Column({ type: 'varchar', length: 24 })
  action: string;

  /** Null for the creation row. */
  @Column({ type: 'varchar', length: 20, name: 'from_status', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', length: 20, name: 'to_status' })
  toStatus: string;

  @Column({ type: 'varchar', length: 16, name: 'actor_type' })
  actorType: string;

  @Column({ type: 'int', name: 'actor_id', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 64, name: 'actor_name' })
  actorName: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  reason: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
