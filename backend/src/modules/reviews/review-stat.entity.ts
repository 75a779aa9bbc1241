import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type StatSubject = 'escort' | 'hospital';

/**
 * Running sums per escort and per hospital, updated in the same transaction as each review (and
 * each hide / restore), so averages and rates read one row. Escort rows sum the five escort
 * dimensions; hospital rows sum the three hospital dimensions (overall = their mean per review).
 */
@Entity('review_stats')
@Index('uq_review_stats_subject', ['subjectType', 'subjectId'], { unique: true })
export class ReviewStat {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16, name: 'subject_type' })
  subjectType: StatSubject;

  @Column({ type: 'int', name: 'subject_id' })
  subjectId: number;

  @Column({ type: 'int', name: 'review_count', default: 0 })
  reviewCount: number;

  /** Reviews with overall ≥ 4 (good) and ≤ 2 (bad). */
  @Column({ type: 'int', name: 'good_count', default: 0 })
  goodCount: number;

  @Column({ type: 'int', name: 'bad_count', default: 0 })
  badCount: number;

  @Column({ type: 'int', name: 'overall_sum', default: 0 })
  overallSum: number;

  @Column({ type: 'int', name: 'attitude_sum', default: 0 })
  attitudeSum: number;

  @Column({ type: 'int', name: 'professionalism_sum', default: 0 })
  professionalismSum: number;

  @Column({ type: 'int', name: 'communication_sum', default: 0 })
  communicationSum: number;

  @Column({ type: 'int', name: 'punctuality_sum', default: 0 })
  punctualitySum: number;

  @Column({ type: 'int', name: 'cleanliness_sum', default: 0 })
  cleanlinessSum: number;

  @Column({ type: 'int', name: 'staff_attitude_sum', default: 0 })
  staffAttitudeSum: number;

  @Column({ type: 'int', name: 'signage_sum', default: 0 })
  signageSum: number;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
