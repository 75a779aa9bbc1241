import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/**
 * Outbox row for an outside channel (WeChat subscription message, SMS). Created with its
 * notification inside the business transaction; delivered after commit and retried by a job, so a
 * crash between commit and send loses nothing.
 */
@Entity('notification_deliveries')
@Index('idx_notification_deliveries_status', ['status', 'id'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_notification_deliveries_notification')
  @Column({ type: 'int', name: 'notification_id' })
  notificationId: number;

  @Column({ type: 'varchar', length: 16 })
  channel: 'wechat' | 'sms';

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 255, default: '' })
  detail: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'datetime', name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;
}
