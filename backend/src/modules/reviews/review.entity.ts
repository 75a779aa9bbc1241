import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { jsonList } from '../catalog/json-list.transformer';

export type ReviewStatus = 'visible' | 'hidden';
export const HIDE_REASONS = ['abuse', 'personal_data', 'spam', 'irrelevant', 'other'] as const;
export type HideReason = (typeof HIDE_REASONS)[number];
export const HIDE_REASON_LABELS: Record<HideReason, string> = {
  abuse: '辱骂或人身攻击',
  personal_data: '含个人隐私信息',
  spam: '广告或刷评',
  irrelevant: '与服务无关',
  other: '其他',
};

/**
 * A customer's review of a completed order: one per order (unique key), never rewritten; later
 * words are appended (review_appends). Text is stored as written and shown as text everywhere.
 * The escort may reply once (compare-and-swap on escort_reply IS NULL); staff moderate and reply.
 */
@Entity('reviews')
@Index('idx_reviews_escort', ['escortId', 'createdAt'])
@Index('idx_reviews_hospital', ['hospitalId', 'createdAt'])
export class Review {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_reviews_order', { unique: true })
  @Column({ type: 'int', name: 'order_id' })
  orderId: number;

  @Column({ type: 'varchar', length: 32, name: 'order_no' })
  orderNo: string;

  @Index('idx_reviews_customer')
  @Column({ type: 'int', name: 'customer_id' })
  customerId: number;

  @Column({ type: 'int', name: 'escort_id', nullable: true })
  escortId: number | null;

  @Column({ type: 'int', name: 'hospital_id', nullable: true })
  hospitalId: number | null;

  @Column({ type: 'int', name: 'city_id' })
  cityId: number;

  @Column({ type: 'varchar', length: 64, name: 'service_name', default: '' })
  serviceName: string;

  /** Stars 1-5. */
  @Column({ type: 'int' })
  overall: number;

  @Column({ type: 'int' })
  attitude: number;

  @Column({ type: 'int' })
  professionalism: number;

  @Column({ type: 'int' })
  communication: number;

  @Column({ type: 'int' })
  punctuality: number;

  /** The hospital's own ratings (optional, only for orders at a hospital). */
  @Column({ type: 'int', name: 'hospital_cleanliness', nullable: true })
  hospitalCleanliness: number | null;

  @Column({ type: 'int', name: 'hospital_staff_attitude', nullable: true })
  hospitalStaffAttitude: number | null;

  @Column({ type: 'int', name: 'hospital_signage', nullable: true })
  hospitalSignage: number | null;

  @Column({ type: 'varchar', length: 500, default: '[]', transformer: jsonList })
  tags: string[];

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 2000, default: '[]', transformer: jsonList })
  photos: string[];

  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @Index('idx_reviews_status')
  @Column({ type: 'varchar', length: 16, default: 'visible' })
  status: ReviewStatus;

  @Column({ type: 'varchar', length: 24, name: 'hidden_reason', nullable: true })
  hiddenReason: HideReason | null;

  @Column({ type: 'varchar', length: 255, name: 'hidden_note', default: '' })
  hiddenNote: string;

  @Column({ type: 'varchar', length: 64, name: 'hidden_by', default: '' })
  hiddenBy: string;

  @Column({ type: 'datetime', name: 'hidden_at', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'text', name: 'staff_reply', nullable: true })
  staffReply: string | null;

  @Column({ type: 'varchar', length: 64, name: 'staff_reply_by', default: '' })
  staffReplyBy: string;

  @Column({ type: 'datetime', name: 'staff_reply_at', nullable: true })
  staffReplyAt: Date | null;

  @Column({ type: 'text', name: 'escort_reply', nullable: true })
  escortReply: string | null;

  @Column({ type: 'datetime', name: 'escort_reply_at', nullable: true })
  escortReplyAt: Date | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
