import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Grades of Chinese hospitals, highest first (drives the grade surcharge in pricing). */
export const HOSPITAL_GRADES = ['三甲', '三乙', '三丙', '二甲', '二乙', '二丙', '一甲', '一乙', '一丙', '未定级'] as const;
export type HospitalGrade = (typeof HOSPITAL_GRADES)[number];

@Entity('hospitals')
export class Hospital {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_hospitals_city')
  @Column({ type: 'int', name: 'city_id' })
  cityId: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** Other names people search by (中山医院, 瑞金), separated by spaces or commas. */
  @Column({ type: 'varchar', length: 128, default: '' })
  alias: string;

  /** 三甲 / 三乙 / 二甲 ... (drives the grade surcharge in pricing). */
  @Column({ type: 'varchar', length: 16 })
  grade: string;

  @Column({ type: 'varchar', length: 255 })
  address: string;

  /** Micro-degrees (WGS-84 × 10^6) as integers: exact, and comparable without floats. */
  @Column({ type: 'int', name: 'latitude_e6', nullable: true })
  latitudeE6: number | null;

  @Column({ type: 'int', name: 'longitude_e6', nullable: true })
  longitudeE6: number | null;

  @Column({ type: 'varchar', length: 32 })
  phone: string;

  /** Free text as hospitals publish it, e.g. "周一至周五 8:00-17:00；周六上午 8:00-12:00". */
  @Column({ type: 'varchar', length: 500, name: 'outpatient_hours', default: '' })
  outpatientHours: string;

  @Column({ type: 'varchar', length: 500, name: 'visiting_hours', default: '' })
  visitingHours: string;

  @Column({ type: 'text', nullable: true })
  intro: string | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
