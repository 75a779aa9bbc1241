import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LedgerSourceType } from './ledger-postings';

/**
 * One journal entry: the event that moved money. (source_type, source_id) is unique, so posting
 * the same event again (a duplicate callback, a retried job) inserts nothing. Never updated.
 */
@Entity('ledger_entries')
@Index('uq_ledger_entries_source', ['sourceType', 'sourceId'], { unique: true })
export class LedgerEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, name: 'source_type' })
  sourceType: LedgerSourceType;

  @Column({ type: 'varchar', length: 64, name: 'source_id' })
  sourceId: string;

  @Index('idx_ledger_entries_order')
  @Column({ type: 'int', name: 'order_id', nullable: true })
  orderId: number | null;

  @Column({ type: 'varchar', length: 255, default: '' })
  memo: string;

  /** Recognition only: the net that was split (prepaid − refunded), the escort's share in bp and the commission version used. */
  @Column({ type: 'bigint', name: 'base_fen', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) } })
  baseFen: number | null;

  @Column({ type: 'int', name: 'share_bp', nullable: true })
  shareBp: number | null;

  @Column({ type: 'int', name: 'commission_version_id', nullable: true })
  commissionVersionId: number | null;

  /** Day and period reports (daily summary, settlement runs) read entries by time. */
  @Index('idx_ledger_entries_created')
  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
