import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: AuditService only inserts; nothing in the code base updates or deletes these rows. */
@Entity('audit_logs')
@Index('idx_audit_logs_target', ['targetType', 'targetId'])
export class AuditLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16, name: 'actor_type' })
  actorType: 'staff' | 'customer' | 'escort' | 'system';

  @Index('idx_audit_logs_actor')
  @Column({ type: 'int', name: 'actor_id', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 64, name: 'actor_name' })
  actorName: string;

  @Index('idx_audit_logs_action')
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32, name: 'target_type' })
  targetType: string;

  @Column({ type: 'varchar', length: 64, name: 'target_id', nullable: true })
  targetId: string | null;

  /** Masked JSON snapshots: personal data never lands here in clear. */
  @Column({ type: 'text', nullable: true })
  before: string | null;

  @Column({ type: 'text', nullable: true })
  after: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 64, name: 'request_id', nullable: true })
  requestId: string | null;

  @Index('idx_audit_logs_created')
  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
