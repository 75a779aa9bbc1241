import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ExtraChargeStatus = 'pending' | 'confirmed' | 'rejected';

/**
 * Money an escort laid out during an errand (medicine, copies, fees), with its receipt. The
 * customer confirms it before it is added to what they pay after the service.
 */
@Entity('order_extra_charges')
export class OrderExtraCharge {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_order_extra_charges_order')
  @Column({ type: 'int', name: 'order_id' })
  orderId: number;

  @Column({ type: 'varchar', length: 128 })
  description: string;

  @Column({ type: 'bigint', name: 'amount_fen', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  amountFen: number;

  @Column({ type: 'varchar', length: 255, name: 'receipt_url', default: '' })
  receiptUrl: string;

  @Column({ type: 'varchar', length: 16 })
  status: ExtraChargeStatus;

  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
