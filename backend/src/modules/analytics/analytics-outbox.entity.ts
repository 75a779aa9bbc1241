import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Rollup changes written in the same transaction as the business change that caused them (an
 * order moving, a ledger entry, a quote). Insert-only there, so no order transaction ever waits on
 * a hot rollup row; the applier folds them into the rollups and deletes them in one transaction.
 */
@Entity('analytics_outbox')
export class AnalyticsOutbox {
  @PrimaryGeneratedColumn()
  id: number;

  /** JSON OutboxPayload. */
  @Column({ type: 'text' })
  payload: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}

/** Small key/value facts of the analytics module (when the rollups were last refreshed or rebuilt). */
@Entity('analytics_state')
export class AnalyticsState {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  value: string;
}
