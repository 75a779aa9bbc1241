import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One reconciliation of a day: the channel's bill (fetched or imported) matched against our
 * payments and refunds. Runs are only added; the newest run of a day is that day's report.
 */
@Entity('reconciliation_runs')
@Index('idx_reconciliation_runs_date', ['billDate', 'id'])
export class ReconciliationRun {
  @PrimaryGeneratedColumn()
  id: number;

  /** The bill's Shanghai calendar day, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10, name: 'bill_date' })
  billDate: string;

  @Column({ type: 'varchar', length: 16 })
  channel: string;

  /** `fetched` from the channel's API, or `imported` from a file finance uploaded. */
  @Column({ type: 'varchar', length: 16 })
  source: 'fetched' | 'imported';

  /** SHA-1 of the bill text, so two runs over the same file are recognisable. */
  @Column({ type: 'varchar', length: 40, name: 'bill_sha1' })
  billSha1: string;

  @Column({ type: 'int', name: 'row_count' })
  rowCount: number;

  /** JSON: the bill's summary row (fen; fee in thousandths of a fen). */
  @Column({ type: 'text', name: 'summary' })
  summaryJson: string;

  /** JSON: items per result (matched, missing_ours, …). */
  @Column({ type: 'text', name: 'counts' })
  countsJson: string;

  /** JSON: money in and out by the bill and by our records of the day (fen). */
  @Column({ type: 'text', name: 'totals' })
  totalsJson: string;

  @Column({ type: 'int', name: 'created_by_id', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'created_by_name' })
  createdByName: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
