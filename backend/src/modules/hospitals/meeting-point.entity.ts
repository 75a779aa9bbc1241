import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Where customer and escort meet (门诊楼 2 号门). */
@Entity('hospital_meeting_points')
export class MeetingPoint {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_hospital_meeting_points_hospital')
  @Column({ type: 'int', name: 'hospital_id' })
  hospitalId: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
