import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type EscortStatus = 'applicant' | 'active' | 'suspended';
export type EscortLevel = 'trainee' | 'junior' | 'senior' | 'expert';

@Entity('escorts')
export class Escort {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_escorts_city')
  @Column({ type: 'int', name: 'city_id' })
  cityId: number;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  gender: 'male' | 'female';

  @Column({ type: 'varchar', length: 255, name: 'phone_enc' })
  phoneEnc: string;

  @Index('uq_escorts_phone_hash', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'phone_hash' })
  phoneHash: string;

  @Column({ type: 'varchar', length: 16, default: 'junior' })
  level: EscortLevel;

  @Column({ type: 'varchar', length: 16, default: 'applicant' })
  status: EscortStatus;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
