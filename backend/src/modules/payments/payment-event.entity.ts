import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PaymentEventKind = 'transaction' | 'refund';
/** received: stored, not yet judged; rejected: not believed or not matching; applied: changed our state; duplicate: already applied, nothing changed. */
export type PaymentEventResult = 'received' | 'rejected' | 'applied' | 'duplicate';

/**
 * Every callback exactly as it arrived (raw body and headers), stored before anything in it is
 * believed, then marked with what verification and application decided. The raw columns are
 * never changed after the insert.
 */
@Entity('payment_events')
@Index('idx_payment_events_received', ['receivedAt'])
export class PaymentEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: PaymentEventKind;

  /** The body text the signature covers (at most 16,000 characters are kept; longer bodies are refused). */
  @Column({ type: 'text', name: 'raw_body' })
  rawBody: string;

  /** JSON of the request headers that matter (Wechatpay-*, Content-Type, User-Agent). */
  @Column({ type: 'text', name: 'raw_headers' })
  rawHeaders: string;

  @Column({ type: 'varchar', length: 64, name: 'request_id', nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  /** True once the signature verified and the resource decrypted. */
  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @Column({ type: 'varchar', length: 16 })
  result: PaymentEventResult;

  /** True when this event changed a payment or refund (exactly one event per change). */
  @Column({ type: 'boolean', default: false })
  applied: boolean;

  /** Why it was rejected (`bad_signature`, `amount_mismatch` ...) or what it did. */
  @Column({ type: 'varchar', length: 255, default: '' })
  reason: string;

  /** WeChat's notification id and event type, once decrypted. */
  @Column({ type: 'varchar', length: 64, name: 'notification_id', nullable: true })
  notificationId: string | null;

  @Column({ type: 'varchar', length: 32, name: 'event_type', nullable: true })
  eventType: string | null;

  @Index('idx_payment_events_out_trade_no')
  @Column({ type: 'varchar', length: 32, name: 'out_trade_no', nullable: true })
  outTradeNo: string | null;

  @Column({ type: 'varchar', length: 64, name: 'out_refund_no', nullable: true })
  outRefundNo: string | null;

  @Column({ type: 'int', name: 'payment_id', nullable: true })
  paymentId: number | null;

  @Column({ type: 'int', name: 'refund_id', nullable: true })
  refundId: number | null;

  @CreateDateColumn({ type: 'datetime', name: 'received_at' })
  receivedAt: Date;
}
