import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('hospitals')
export class Hospital {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_hospitals_city')
  @Column({ type: 'int', name: 'city_id' })
  cityId: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** 三甲 / 三乙 / 二甲 ... (drives the grade surcharge in pricing). */
  @Column({ type: 'varchar', length: 16 })
  grade: string;

  @Column({ type: 'varchar', length: 255 })
  address: string;

  @Column({ type: 'varchar', length: 32 })
  phone: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
