import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('hospital_departments')
export class HospitalDepartment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_hospital_departments_hospital')
  @Column({ type: 'int', name: 'hospital_id' })
  hospitalId: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  building: string;

  @Column({ type: 'varchar', length: 16, default: '' })
  floor: string;

  @Column({ type: 'varchar', length: 32, default: '' })
  room: string;

  @Column({ type: 'varchar', length: 32, default: '' })
  phone: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  notes: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
