import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ExportKind = 'settlement_lines' | 'settlement_items' | 'payouts' | 'payments' | 'refunds' | 'reconciliation';
export const EXPORT_KINDS: Record<ExportKind, string> = {
  settlement_lines: '结算单（每位陪诊师一行）',
  settlement_items: '结算明细（订单、退款、扣款、调整）',
  payouts: '打款记录',
  payments: '支付记录',
  refunds: '退款记录',
  reconciliation: '对账差异（区间内每天最新一次对账）',
};
export type ExportJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * A file export running in the background: the console polls `rows_written / total_rows`, then
 * downloads. The file lives on the disk of the process that wrote it (DATA_DIR/exports) for a day.
 */
@Entity('export_jobs')
@Index('idx_export_jobs_creator', ['createdById', 'id'])
export class ExportJob {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  kind: ExportKind;

  @Column({ type: 'varchar', length: 8 })
  format: 'xlsx' | 'csv';

  @Column({ type: 'varchar', length: 500, default: '{}' })
  params: string;

  @Column({ type: 'varchar', length: 12 })
  status: ExportJobStatus;

  @Column({ type: 'int', name: 'total_rows', default: 0 })
  totalRows: number;

  @Column({ type: 'int', name: 'rows_written', default: 0 })
  rowsWritten: number;

  @Column({ type: 'bigint', name: 'size_bytes', default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 128, name: 'file_name', default: '' })
  fileName: string;

  @Column({ type: 'varchar', length: 255, name: 'stored_name', default: '' })
  storedName: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  error: string;

  @Column({ type: 'int', name: 'created_by_id', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'created_by_name', default: '' })
  createdByName: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'datetime', name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}
