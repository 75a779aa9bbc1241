import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type CredentialStatus = 'pending' | 'approved' | 'rejected' | 'expired';
export const CREDENTIAL_STATUSES: Record<CredentialStatus, string> = { pending: '待审核', approved: '有效', rejected: '已驳回', expired: '已过期' };

/**
 * A certificate an escort holds (health certificate, training, nursing licence ...), typed by a
 * qualification code from the catalog (QUALIFICATIONS). Dates are Shanghai calendar days as
 * `YYYY-MM-DD` text, which compares correctly as text on both databases; `expiresOn` is the
 * last valid day. Only approved, unexpired credentials make an escort dispatchable for an item.
 */
@Entity('escort_credentials')
@Index('idx_escort_credentials_expiry', ['status', 'expiresOn'])
@Index('idx_escort_credentials_escort', ['escortId', 'typeCode'])
export class EscortCredential {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Column({ type: 'varchar', length: 32, name: 'type_code' })
  typeCode: string;

  @Column({ type: 'varchar', length: 64, name: 'certificate_no' })
  certificateNo: string;

  @Column({ type: 'varchar', length: 10, name: 'issued_on' })
  issuedOn: string;

  @Column({ type: 'varchar', length: 10, name: 'expires_on', nullable: true })
  expiresOn: string | null;

  @Column({ type: 'int', name: 'file_id' })
  fileId: number;

  @Index('idx_escort_credentials_status')
  @Column({ type: 'varchar', length: 16 })
  status: CredentialStatus;

  @Column({ type: 'datetime', name: 'reviewed_at', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'int', name: 'reviewed_by_id', nullable: true })
  reviewedById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'reviewed_by_name', default: '' })
  reviewedByName: string;

  @Column({ type: 'varchar', length: 255, name: 'reject_reason', default: '' })
  rejectReason: string;

  /** Set once the "expires in N days" warning went out, so each credential is warned once. */
  @Column({ type: 'datetime', name: 'expiry_warned_at', nullable: true })
  expiryWarnedAt: Date | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
