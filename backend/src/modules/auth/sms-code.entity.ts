import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SmsPurpose = 'customer_login' | 'escort_login';

/** Each code sent; rows double as the hourly and daily send counters for a phone. */
@Entity('sms_codes')
@Index('idx_sms_codes_phone_created', ['phoneHash', 'createdAt'])
export class SmsCode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, name: 'phone_hash' })
  phoneHash: string;

  @Column({ type: 'varchar', length: 16 })
  purpose: SmsPurpose;

  /** HMAC of the code bound to phone and purpose; the code itself is never stored. */
  @Column({ type: 'varchar', length: 64, name: 'code_hash' })
  codeHash: string;

  @Column({ type: 'datetime', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'datetime', name: 'consumed_at', nullable: true })
  consumedAt: Date | null;

  @Column({ type: 'int', name: 'failed_attempts', default: 0 })
  failedAttempts: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
