import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsentKind } from './consent-documents';

/**
 * One agreement or withdrawal, appended and never changed: the latest row per (customer, kind)
 * is the customer's current answer, and the history shows what they agreed to and when.
 */
@Entity('customer_consents')
@Index('idx_customer_consents_customer', ['customerId', 'kind', 'id'])
export class CustomerConsent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'customer_id' })
  customerId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: ConsentKind;

  @Column({ type: 'varchar', length: 16 })
  version: string;

  @Column({ type: 'boolean' })
  granted: boolean;

  @Column({ type: 'varchar', length: 64, default: '' })
  ip: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
