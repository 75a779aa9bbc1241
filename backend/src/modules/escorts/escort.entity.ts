import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { jsonList } from '../catalog/json-list.transformer';

export type EscortStatus = 'applicant' | 'active' | 'suspended';
export type EscortLevel = 'trainee' | 'junior' | 'senior' | 'expert';

export const ESCORT_LEVELS: Record<EscortLevel, string> = { trainee: '见习', junior: '初级', senior: '中级', expert: '高级' };
export const ESCORT_LEVEL_CODES = Object.keys(ESCORT_LEVELS) as EscortLevel[];
export const ESCORT_STATUSES: Record<EscortStatus, string> = { applicant: '待审核', active: '在岗', suspended: '已停用' };

export const EDUCATION_LEVELS = {
  junior_high: '初中',
  high_school: '高中/中专',
  college: '大专',
  bachelor: '本科',
  master: '硕士及以上',
} as const;
export type EducationLevel = keyof typeof EDUCATION_LEVELS;

/**
 * An escort: who they are (profile), where they start from (base location for distance), what
 * they can do (skills; credentials live in escort_credentials) and the public stats customers see.
 * `status` changes only through EscortService's verbs (approve application, suspend, reactivate).
 */
@Entity('escorts')
// The customers' escort list: one city's active escorts, most orders served first (docs/workforce.md).
@Index('idx_escorts_public_list', ['cityId', 'status', 'ordersServed'])
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

  /** Sets the escort's commission share (the commission rules in force: modules/commissions). */
  @Column({ type: 'varchar', length: 16, default: 'junior' })
  level: EscortLevel;

  @Column({ type: 'varchar', length: 16, default: 'applicant' })
  status: EscortStatus;

  /** From the approved application (the ID card's birth date); the public list shows the age. */
  @Column({ type: 'int', name: 'birth_year', nullable: true })
  birthYear: number | null;

  @Column({ type: 'int', name: 'photo_file_id', nullable: true })
  photoFileId: number | null;

  @Column({ type: 'varchar', length: 16, default: '' })
  education: string;

  @Column({ type: 'int', name: 'experience_years', default: 0 })
  experienceYears: number;

  /** District names inside the city the escort serves (徐汇区, 静安区 ...). */
  @Column({ type: 'varchar', length: 500, name: 'service_districts', default: '[]', transformer: jsonList })
  serviceDistricts: string[];

  /** Service category codes and free tags (outpatient, wheelchair, 沪语 ...); ranking matches the order's category. */
  @Column({ type: 'varchar', length: 500, default: '[]', transformer: jsonList })
  skills: string[];

  @Column({ type: 'varchar', length: 500, default: '' })
  bio: string;

  /** Where the escort starts from (home or station), for the distance part of the dispatch score. */
  @Column({ type: 'varchar', length: 255, name: 'base_address', default: '' })
  baseAddress: string;

  @Column({ type: 'int', name: 'base_latitude_e6', nullable: true })
  baseLatitudeE6: number | null;

  @Column({ type: 'int', name: 'base_longitude_e6', nullable: true })
  baseLongitudeE6: number | null;

  /** Resident ID number, encrypted; set when the application is approved. */
  @Column({ type: 'varchar', length: 255, name: 'id_card_enc', nullable: true })
  idCardEnc: string | null;

  /** Blind index of the ID number: one person, one escort account. */
  @Index('uq_escorts_id_card_hash', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'id_card_hash', nullable: true })
  idCardHash: string | null;

  /** Completed orders (counted when an order completes). */
  @Column({ type: 'int', name: 'orders_served', default: 0 })
  ordersServed: number;

  /** Sum and count of review stars (1-5); the average is derived. */
  @Column({ type: 'int', name: 'rating_total', default: 0 })
  ratingTotal: number;

  @Column({ type: 'int', name: 'rating_count', default: 0 })
  ratingCount: number;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
