import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every login try, successful or not: for lockout forensics and the dashboard. */
@Entity('login_attempts')
export class LoginAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: 'password' | 'sms' | 'wechat';

  @Column({ type: 'varchar', length: 16 })
  audience: string;

  /** Username, or the blind index of a phone; never a raw phone number. */
  @Column({ type: 'varchar', length: 64 })
  principal: string;

  @Column({ type: 'boolean' })
  success: boolean;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Index('idx_login_attempts_created')
  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
