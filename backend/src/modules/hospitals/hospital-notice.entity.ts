import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const NOTICE_LEVELS = ['info', 'warning'] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];

/** A time-limited notice ("CT 机维修"), shown while now ∈ [startsAt, endsAt). */
@Entity('hospital_notices')
@Index('idx_hospital_notices_window', ['hospitalId', 'endsAt'])
export class HospitalNotice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'hospital_id' })
  hospitalId: number;

  @Column({ type: 'int', name: 'department_id', nullable: true })
  departmentId: number | null;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 1000 })
  content: string;

  @Column({ type: 'varchar', length: 16, default: 'info' })
  level: NoticeLevel;

  @Column({ type: 'datetime', name: 'starts_at' })
  startsAt: Date;

  @Index('idx_hospital_notices_ends')
  @Column({ type: 'datetime', name: 'ends_at' })
  endsAt: Date;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
