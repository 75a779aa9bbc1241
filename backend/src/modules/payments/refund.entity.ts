import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * awaiting_approval = a staff refund above the approval threshold, not sent until finance approves;
 * rejected = finance refused it (final, its amount is refundable again).
 */
export type RefundStatus = 'awaiting_approval' | 'pending' | 'processing' | 'succeeded' | 'failed' | 'rejected';
export const REFUND_STATUSES: RefundStatus[] = ['awaiting_approval', 'pending', 'processing', 'succeeded', 'failed', 'rejected'];
/**
 * Why the refund exists: a paid order was cancelled, money came for an order that was no longer
 * payable, staff decided, or a resolved complaint compensated the customer (tickets module).
 */
/** `deposit`: a credit deposit given back after the order completed (purpose key `deposit:<orderId>`). */
export type RefundSource = 'order_cancel' | 'late_payment' | 'manual' | 'compensation' | 'deposit';

const fen = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/**
 * Money going back. The row, with its out_refund_no, is saved before the channel is called, so a
 * retry after a timeout sends the same number and the channel refunds once. pending = not yet
 * accepted by the channel; processing = accepted, waiting for the result; succeeded / failed are
 * final. The sum of a payment's refunds that are not failed never exceeds the payment.
 */
@Entity('refunds')
@Index('idx_refunds_status_created', ['status', 'createdAt'])
export class Refund {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_refunds_payment')
  @Column({ type: 'int', name: 'payment_id' })
  paymentId: number;

  @Index('idx_refunds_order')
  @Column({ type: 'int', name: 'order_id' })
  orderId: number;

  @Index('uq_refunds_out_refund_no', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'out_refund_no' })
  outRefundNo: string;

  @Column({ type: 'bigint', name: 'amount_fen', transformer: fen })
  amountFen: number;

  @Column({ type: 'varchar', length: 80 })
  reason: string;

  @Column({ type: 'varchar', length: 16 })
  source: RefundSource;

  /**
   * Set for refunds the system starts on its own (`order_cancel:<orderId>`,
   * `late_payment:<paymentId>`): the unique key makes two processes or two job runs start one.
   */
  @Index('uq_refunds_purpose_key', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'purpose_key', nullable: true })
  purposeKey: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: RefundStatus;

  @Index('uq_refunds_channel_refund', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'channel_refund_id', nullable: true })
  channelRefundId: string | null;

  @Column({ type: 'varchar', length: 16, name: 'requested_by_type' })
  requestedByType: 'customer' | 'staff' | 'system';

  @Column({ type: 'int', name: 'requested_by_id', nullable: true })
  requestedById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'requested_by_name' })
  requestedByName: string;

  /** How many times the channel was asked (the same out_refund_no every time). */
  @Column({ type: 'int', name: 'submit_attempts', default: 0 })
  submitAttempts: number;

  @Column({ type: 'varchar', length: 255, name: 'last_error', default: '' })
  lastError: string;

  @Column({ type: 'varchar', length: 128, name: 'user_received_account', nullable: true })
  userReceivedAccount: string | null;

  /** The finance approver's decision on a refund that waited for approval. */
  @Column({ type: 'int', name: 'reviewed_by_id', nullable: true })
  reviewedById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'reviewed_by_name', nullable: true })
  reviewedByName: string | null;

  @Column({ type: 'datetime', name: 'reviewed_at', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'varchar', length: 255, name: 'review_note', default: '' })
  reviewNote: string;

  @Column({ type: 'datetime', name: 'succeeded_at', nullable: true })
  succeededAt: Date | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
