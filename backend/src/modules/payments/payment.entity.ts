import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PaymentChannel } from './payment-gateway';

export type PaymentStatus = 'pending' | 'succeeded' | 'closed' | 'failed';
/** `prepay`: the order's price, paid when booking. `postpay`: the balance of confirmed extra charges, paid after the service. */
export type PaymentPurpose = 'prepay' | 'postpay';

const fen = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/**
 * One attempt to take an order's money through a channel (one out_trade_no). Status moves only
 * by compare-and-swap: pending → succeeded (a verified callback or query, once: the channel's
 * transaction id is unique), pending → closed / failed. Refunds are their own rows.
 */
@Entity('payments')
@Index('idx_payments_status_created', ['status', 'createdAt'])
export class Payment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_payments_order')
  @Column({ type: 'int', name: 'order_id' })
  orderId: number;

  /** Our number at the channel: the order number plus an attempt suffix, e.g. PZ2611240931004217-01. */
  @Index('uq_payments_out_trade_no', { unique: true })
  @Column({ type: 'varchar', length: 32, name: 'out_trade_no' })
  outTradeNo: string;

  @Column({ type: 'varchar', length: 16 })
  channel: PaymentChannel;

  @Column({ type: 'varchar', length: 16, default: 'prepay' })
  purpose: PaymentPurpose;

  @Column({ type: 'bigint', name: 'amount_fen', transformer: fen })
  amountFen: number;

  @Column({ type: 'varchar', length: 16 })
  status: PaymentStatus;

  /**
   * The order id while this payment is pending, else null: the unique key allows one open
   * payment per order, so two "pay" taps at once cannot open two channel transactions. Prepay and
   * postpay share it: the balance is only payable once the order is paid and in service.
   */
  @Index('uq_payments_open_order', { unique: true })
  @Column({ type: 'int', name: 'open_order_id', nullable: true })
  openOrderId: number | null;

  /** WeChat's transaction_id: unique, so the same money is applied once however often it is reported. */
  @Index('uq_payments_channel_transaction', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'channel_transaction_id', nullable: true })
  channelTransactionId: string | null;

  @Column({ type: 'varchar', length: 64, name: 'prepay_id', nullable: true })
  prepayId: string | null;

  /** Null when the payer has no WeChat openid (sandbox payments of H5 customers). */
  @Column({ type: 'varchar', length: 128, name: 'payer_openid', nullable: true })
  payerOpenid: string | null;

  /**
   * True when this money paid the order. False when it arrived after the order was cancelled or
   * closed: it is then refunded in full automatically and never counts as the order's payment.
   */
  @Column({ type: 'boolean', name: 'applied_to_order', default: false })
  appliedToOrder: boolean;

  /** time_expire sent to the channel: the order's payment deadline. */
  @Column({ type: 'datetime', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'datetime', name: 'paid_at', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'datetime', name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'varchar', length: 255, name: 'status_reason', default: '' })
  statusReason: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
