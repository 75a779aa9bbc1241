import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrderStatus } from './order-transitions';
import type { DepositStatus } from './order-types';

/** What an errand (同城代办) needs beyond a visit: the things to do, where, with what. */
export interface ErrandDetails {
  /** e.g. ['取 CT 报告', '购买降压药'] */
  tasks: string[];
  requirements: string;
  /** Materials the customer hands over or must have ready (ID copy, payment receipt ...). */
  materials: string[];
  pickupAddress: string;
  deliveryAddress: string;
}

/**
 * A booking. `status` changes only through OrderService.transition (compare-and-swap plus a status
 * log row). Prices are a snapshot taken at booking; later catalog changes never touch them.
 */
@Entity('orders')
@Index('idx_orders_status_start', ['status', 'startAt'])
@Index('idx_orders_city_start', ['cityId', 'startAt'])
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  /** Human-readable number customers quote on the phone, e.g. PZ2611240931004217. */
  @Index('uq_orders_order_no', { unique: true })
  @Column({ type: 'varchar', length: 24, name: 'order_no' })
  orderNo: string;

  @Index('idx_orders_customer')
  @Column({ type: 'int', name: 'customer_id' })
  customerId: number;

  @Column({ type: 'int', name: 'city_id' })
  cityId: number;

  @Column({ type: 'int', name: 'service_item_id' })
  serviceItemId: number;

  @Column({ type: 'varchar', length: 64, name: 'service_name' })
  serviceName: string;

  @Column({ type: 'varchar', length: 32, name: 'category_code' })
  categoryCode: string;

  @Column({ type: 'int', name: 'hospital_id', nullable: true })
  hospitalId: number | null;

  @Column({ type: 'varchar', length: 64, name: 'hospital_name', default: '' })
  hospitalName: string;

  @Column({ type: 'int', name: 'department_id', nullable: true })
  departmentId: number | null;

  @Column({ type: 'varchar', length: 64, name: 'department_name', default: '' })
  departmentName: string;

  @Column({ type: 'int', name: 'patient_id', nullable: true })
  patientId: number | null;

  @Column({ type: 'varchar', length: 32, name: 'patient_name', default: '' })
  patientName: string;

  /** The escort holding the order's time (claimed), null while in the dispatch pool. */
  @Index('idx_orders_escort_start')
  @Column({ type: 'int', name: 'escort_id', nullable: true })
  escortId: number | null;

  @Column({ type: 'int', name: 'preferred_escort_id', nullable: true })
  preferredEscortId: number | null;

  @Column({ type: 'datetime', name: 'start_at' })
  startAt: Date;

  @Column({ type: 'datetime', name: 'end_at' })
  endAt: Date;

  @Column({ type: 'int', name: 'duration_minutes' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 20 })
  status: OrderStatus;

  @Column({ type: 'bigint', name: 'total_fen', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  totalFen: number;

  @Column({ type: 'bigint', name: 'paid_fen', default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  paidFen: number;

  @Column({ type: 'bigint', name: 'penalty_fen', default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  penaltyFen: number;

  @Column({ type: 'bigint', name: 'refund_due_fen', default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  refundDueFen: number;

  /** The refundable deposit the customer's credit required (part of totalFen, outside the service's price). */
  @Column({ type: 'bigint', name: 'deposit_fen', default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  depositFen: number;

  /** See DepositStatus (order-types.ts). */
  @Column({ type: 'varchar', length: 16, name: 'deposit_status', default: 'none' })
  depositStatus: DepositStatus;

  @Column({ type: 'int', default: 1 })
  units: number;

  /** JSON PriceLine[]: the quote as it stood when the order was created. */
  @Column({ type: 'text', name: 'price_lines' })
  priceLinesJson: string;

  /** Where an errand or home visit happens (hospital orders use the hospital's address). */
  @Column({ type: 'varchar', length: 255, name: 'service_address', default: '' })
  serviceAddress: string;

  /** JSON ErrandDetails for 同城代办, else null. */
  @Column({ type: 'text', name: 'errand', nullable: true })
  errandJson: string | null;

  @Column({ type: 'varchar', length: 500, name: 'customer_note', default: '' })
  customerNote: string;

  @Column({ type: 'datetime', name: 'payment_deadline_at' })
  paymentDeadlineAt: Date;

  /** Encrypted 6-digit code the customer shows at the end of the service (set when it starts). */
  @Column({ type: 'varchar', length: 255, name: 'verification_code_enc', nullable: true })
  verificationCodeEnc: string | null;

  @Column({ type: 'int', name: 'verification_failures', default: 0 })
  verificationFailures: number;

  @Column({ type: 'datetime', name: 'paid_at', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'datetime', name: 'assigned_at', nullable: true })
  assignedAt: Date | null;

  /** When the order was first given to an escort (kept through reassignments): dispatch latency starts from paid_at. */
  @Column({ type: 'datetime', name: 'first_assigned_at', nullable: true })
  firstAssignedAt: Date | null;

  @Column({ type: 'datetime', name: 'started_at', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'datetime', name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'datetime', name: 'cancelled_at', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: 255, name: 'cancel_reason', default: '' })
  cancelReason: string;

  /** Set once the "starts in N hours" reminder went out, so each order is reminded once. */
  @Column({ type: 'datetime', name: 'reminded_at', nullable: true })
  remindedAt: Date | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
