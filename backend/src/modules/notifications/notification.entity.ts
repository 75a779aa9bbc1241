import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RecipientType = 'customer' | 'escort' | 'staff';

/** An in-app message in someone's inbox. Written in the same transaction as the change it reports. */
@Entity('notifications')
@Index('idx_notifications_inbox', ['recipientType', 'recipientId', 'id'])
export class Notification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16, name: 'recipient_type' })
  recipientType: RecipientType;

  @Column({ type: 'int', name: 'recipient_id' })
  recipientId: number;

  @Column({ type: 'varchar', length: 32 })
  event: string;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  @Column({ type: 'int', name: 'order_id', nullable: true })
  orderId: number | null;

  @Column({ type: 'datetime', name: 'read_at', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
