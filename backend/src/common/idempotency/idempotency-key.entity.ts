import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per (scope, Idempotency-Key). The unique key decides which of two concurrent requests
 * with the same key does the work; the other replays its stored answer.
 */
@Entity('idempotency_keys')
@Index('uq_idempotency_keys_scope_key', ['scope', 'key'], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn()
  id: number;

  /** Who and what, e.g. `customer:12:create-order`: the same key from two customers never collides. */
  @Column({ type: 'varchar', length: 64 })
  scope: string;

  @Column({ type: 'varchar', length: 64 })
  key: string;

  /** SHA-256 of the canonical request body: the same key with another body is refused. */
  @Column({ type: 'varchar', length: 64, name: 'request_hash' })
  requestHash: string;

  @Column({ type: 'varchar', length: 16 })
  state: 'in_progress' | 'done';

  @Column({ type: 'text', name: 'response', nullable: true })
  response: string | null;

  @Index('idx_idempotency_keys_created')
  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
