import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { jsonList } from '../catalog/json-list.transformer';

export type ApplicationStatus = 'pending' | 'approved' | 'rejected';
export const APPLICATION_STATUSES: Record<ApplicationStatus, string> = { pending: '待审核', approved: '已通过', rejected: '已驳回' };

/**
 * An escort's application to work: identity (ID number encrypted, blind index for the
 * one-person-one-account check, both sides of the card as files) and the profile they propose.
 * Approval copies the profile onto the escort and makes them active. `pendingEscortId` equals
 * `escortId` while pending and is null after the decision: its unique key allows one open
 * application per escort even when two submissions race.
 */
@Entity('escort_applications')
@Index('idx_escort_applications_status', ['status', 'id'])
export class EscortApplication {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_escort_applications_escort')
  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Index('uq_escort_applications_pending', { unique: true })
  @Column({ type: 'int', name: 'pending_escort_id', nullable: true })
  pendingEscortId: number | null;

  @Column({ type: 'varchar', length: 16 })
  status: ApplicationStatus;

  @Column({ type: 'varchar', length: 32, name: 'real_name' })
  realName: string;

  @Column({ type: 'varchar', length: 8 })
  gender: 'male' | 'female';

  @Column({ type: 'int', name: 'birth_year' })
  birthYear: number;

  @Column({ type: 'varchar', length: 255, name: 'id_card_enc' })
  idCardEnc: string;

  @Column({ type: 'varchar', length: 64, name: 'id_card_hash' })
  idCardHash: string;

  @Column({ type: 'int', name: 'id_front_file_id' })
  idFrontFileId: number;

  @Column({ type: 'int', name: 'id_back_file_id' })
  idBackFileId: number;

  @Column({ type: 'int', name: 'photo_file_id', nullable: true })
  photoFileId: number | null;

  @Column({ type: 'varchar', length: 16, default: '' })
  education: string;

  @Column({ type: 'int', name: 'experience_years', default: 0 })
  experienceYears: number;

  @Column({ type: 'varchar', length: 500, name: 'service_districts', default: '[]', transformer: jsonList })
  serviceDistricts: string[];

  @Column({ type: 'varchar', length: 500, default: '[]', transformer: jsonList })
  skills: string[];

  @Column({ type: 'varchar', length: 500, default: '' })
  bio: string;

  @Column({ type: 'datetime', name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'int', name: 'decided_by_id', nullable: true })
  decidedById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'decided_by_name', default: '' })
  decidedByName: string;

  @Column({ type: 'varchar', length: 255, name: 'decision_reason', default: '' })
  decisionReason: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
