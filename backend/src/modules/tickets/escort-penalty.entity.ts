import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** pending = to be deducted by the next settlement; settled = deducted (settlementRef says where); void = cancelled by staff. */
export type PenaltyStatus = 'pending' | 'settled' | 'void';

/**
 * A deduction from an escort's earnings decided when a complaint was resolved. Settlement reads
 * the pending ones (EscortPenaltyService.pendingFor) and marks them settled in its own run.
 */
@Entity('escort_penalties')
@Index('idx_escort_penalties_escort_status', ['escortId', 'status'])
export class EscortPenalty {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Index('uq_escort_penalties_ticket', { unique: true })
  @Column({ type: 'int', name: 'ticket_id' })
  ticketId: number;

  @Column({ type: 'int', name: 'order_id', nullable: true })
  orderId: number | null;

  @Column({ type: 'bigint', name: 'amount_fen', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  amountFen: number;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: PenaltyStatus;

  @Column({ type: 'varchar', length: 64, name: 'settlement_ref', nullable: true })
  settlementRef: string | null;

  @Column({ type: 'int', name: 'created_by_id', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'created_by_name' })
  createdByName: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
