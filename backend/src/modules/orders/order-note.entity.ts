import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Staff notes on an order (phone calls, special arrangements). Append-only. */
@Entity('order_notes')
export class OrderNote {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_order_notes_order')
  @Column({ type: 'int', name: 'order_id' })
  orderId: number;

  @Column({ type: 'int', name: 'author_id' })
  authorId: number;

  @Column({ type: 'varchar', length: 64, name: 'author_name' })
  authorName: string;

  @Column({ type: 'varchar', length: 1000 })
  content: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
