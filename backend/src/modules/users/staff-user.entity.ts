import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StaffRole } from './roles';

export type StaffStatus = 'active' | 'disabled';

@Entity('staff_users')
export class StaffUser {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  username: string;

  @Column({ type: 'varchar', length: 32, name: 'display_name' })
  displayName: string;

  /** argon2id PHC string; never leaves the service. */
  @Column({ type: 'varchar', length: 255, name: 'password_hash', select: false })
  passwordHash: string;

  @Column({ type: 'simple-json' })
  roles: StaffRole[];

  /** Cities this user may see and change; ignored for admin, who sees every city. */
  @Column({ type: 'simple-json', name: 'city_ids' })
  cityIds: number[];

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: StaffStatus;

  @Column({ type: 'int', name: 'failed_login_count', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'datetime', name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'datetime', name: 'last_login_at', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
