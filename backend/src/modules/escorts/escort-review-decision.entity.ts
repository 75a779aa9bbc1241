import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ReviewSubject = 'application' | 'credential';
export type ReviewDecisionKind = 'approved' | 'rejected' | 'expired';

/** Append-only history of review decisions on applications and credentials (who, what, why, when). */
@Entity('escort_review_decisions')
@Index('idx_escort_review_decisions_subject', ['subjectType', 'subjectId'])
export class EscortReviewDecision {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_escort_review_decisions_escort')
  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Column({ type: 'varchar', length: 16, name: 'subject_type' })
  subjectType: ReviewSubject;

  @Column({ type: 'int', name: 'subject_id' })
  subjectId: number;

  @Column({ type: 'varchar', length: 16 })
  decision: ReviewDecisionKind;

  @Column({ type: 'varchar', length: 255, default: '' })
  reason: string;

  @Column({ type: 'varchar', length: 16, name: 'actor_type' })
  actorType: 'staff' | 'system';

  @Column({ type: 'int', name: 'actor_id', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 64, name: 'actor_name' })
  actorName: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
