import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** normal = no action taken; warned = ops warned the account; suspended = may not book until restored. */
export type CreditStatus = 'normal' | 'warned' | 'suspended';
export const CREDIT_STATUSES: CreditStatus[] = ['normal', 'warned', 'suspended'];

/**
 * A customer's credit: the current score (the sum of the history in credit_events, kept here so
 * booking reads one row) and the account standing ops set. Created the first time anything
 * happens to the customer's credit; until then the customer has the initial score.
 */
@Entity('customer_credits')
export class CustomerCredit {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_customer_credits_customer', { unique: true })
  @Column({ type: 'int', name: 'customer_id' })
  customerId: number;

  @Index('idx_customer_credits_score')
  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'varchar', length: 16, default: 'normal' })
  status: CreditStatus;

  @Column({ type: 'int', name: 'warning_count', default: 0 })
  warningCount: number;

  /** Why the account is warned or suspended (shown to staff; the customer sees a generic message). */
  @Column({ type: 'varchar', length: 255, name: 'status_reason', default: '' })
  statusReason: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
