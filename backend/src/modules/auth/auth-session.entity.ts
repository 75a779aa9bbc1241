import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Audience } from '../../common/auth/principal';

/**
 * One login on one device: the family that all its rotated refresh tokens belong to.
 * Access tokens carry its id, so revoking the session ends them too.
 */
@Entity('auth_sessions')
@Index('idx_auth_sessions_subject', ['audience', 'subjectId'])
export class AuthSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  audience: Audience;

  @Column({ type: 'int', name: 'subject_id' })
  subjectId: number;

  @Column({ type: 'datetime', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'datetime', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 32, name: 'revoke_reason', nullable: true })
  revokeReason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 255, name: 'user_agent', nullable: true })
  userAgent: string | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
