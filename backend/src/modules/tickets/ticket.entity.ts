import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { jsonList } from '../catalog/json-list.transformer';
import type { TicketPriority } from '../settings/settings-defaults';
import type { TicketStatus, TicketType } from './ticket-rules';

export type TicketOpener = 'customer' | 'escort' | 'staff' | 'system';

/**
 * A complaint, feedback or suggestion. Status changes only through TicketService (the table in
 * ticket-rules.ts, compare-and-swap on status). `slaDueAt` is when the first staff answer is due;
 * `firstRespondedAt` is when it came.
 */
@Entity('tickets')
@Index('idx_tickets_status_sla', ['status', 'slaDueAt'])
@Index('idx_tickets_status_resolved', ['status', 'resolvedAt'])
export class Ticket {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_tickets_ticket_no', { unique: true })
  @Column({ type: 'varchar', length: 24, name: 'ticket_no' })
  ticketNo: string;

  @Column({ type: 'varchar', length: 24 })
  type: TicketType;

  @Column({ type: 'varchar', length: 16 })
  priority: TicketPriority;

  @Column({ type: 'varchar', length: 16 })
  status: TicketStatus;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 2000, default: '[]', transformer: jsonList })
  photos: string[];

  @Column({ type: 'varchar', length: 16, name: 'opener_type' })
  openerType: TicketOpener;

  @Column({ type: 'int', name: 'opener_id', nullable: true })
  openerId: number | null;

  @Index('idx_tickets_customer')
  @Column({ type: 'int', name: 'customer_id', nullable: true })
  customerId: number | null;

  @Index('idx_tickets_order')
  @Column({ type: 'int', name: 'order_id', nullable: true })
  orderId: number | null;

  @Column({ type: 'varchar', length: 32, name: 'order_no', default: '' })
  orderNo: string;

  /** The escort the ticket is about (from the order), for complaints and penalties. */
  @Index('idx_tickets_escort')
  @Column({ type: 'int', name: 'escort_id', nullable: true })
  escortId: number | null;

  @Column({ type: 'int', name: 'city_id', nullable: true })
  cityId: number | null;

  /** Set when a low-score review opened the ticket. */
  @Index('uq_tickets_review', { unique: true })
  @Column({ type: 'int', name: 'review_id', nullable: true })
  reviewId: number | null;

  @Column({ type: 'int', name: 'assignee_id', nullable: true })
  assigneeId: number | null;

  @Column({ type: 'varchar', length: 64, name: 'assignee_name', default: '' })
  assigneeName: string;

  @Column({ type: 'datetime', name: 'sla_due_at' })
  slaDueAt: Date;

  @Column({ type: 'datetime', name: 'first_responded_at', nullable: true })
  firstRespondedAt: Date | null;

  @Column({ type: 'datetime', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'datetime', name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ type: 'int', name: 'reopen_count', default: 0 })
  reopenCount: number;

  /** What the resolution gave back to the customer through the payments module (fen), and the refund row. */
  @Column({ type: 'int', name: 'compensation_fen', default: 0 })
  compensationFen: number;

  @Column({ type: 'int', name: 'compensation_refund_id', nullable: true })
  compensationRefundId: number | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
