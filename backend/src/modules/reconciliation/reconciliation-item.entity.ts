import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReconResult } from './bill-matching';

const fen = { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/**
 * A mismatch found by a run (matched rows are only counted). Finance explains each with a note;
 * the explanation is set once by compare-and-swap and audited, and a later run of the same day
 * carries it over to the same mismatch.
 */
@Entity('reconciliation_items')
@Index('idx_reconciliation_items_run', ['runId'])
@Index('idx_reconciliation_items_date', ['billDate'])
export class ReconciliationItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'run_id' })
  runId: number;

  @Column({ type: 'varchar', length: 10, name: 'bill_date' })
  billDate: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'payment' | 'refund';

  /** out_trade_no or out_refund_no. */
  @Column({ type: 'varchar', length: 64, name: 'out_no' })
  outNo: string;

  @Column({ type: 'varchar', length: 20 })
  result: ReconResult;

  @Column({ type: 'bigint', name: 'our_fen', nullable: true, transformer: fen })
  ourFen: number | null;

  @Column({ type: 'bigint', name: 'their_fen', nullable: true, transformer: fen })
  theirFen: number | null;

  @Column({ type: 'varchar', length: 20, name: 'our_status', nullable: true })
  ourStatus: string | null;

  @Column({ type: 'varchar', length: 20, name: 'their_status', nullable: true })
  theirStatus: string | null;

  @Column({ type: 'varchar', length: 64, name: 'transaction_id', nullable: true })
  transactionId: string | null;

  @Column({ type: 'varchar', length: 255, default: '' })
  detail: string;

  @Column({ type: 'boolean', default: false })
  explained: boolean;

  @Column({ type: 'varchar', length: 500, default: '' })
  explanation: string;

  @Column({ type: 'varchar', length: 64, name: 'explained_by_name', nullable: true })
  explainedByName: string | null;

  @Column({ type: 'datetime', name: 'explained_at', nullable: true })
  explainedAt: Date | null;
}
