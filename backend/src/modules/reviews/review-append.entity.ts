import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { jsonList } from '../catalog/json-list.transformer';

/** What the customer added to their review later (追评). Only ever inserted. */
@Entity('review_appends')
@Index('idx_review_appends_review', ['reviewId', 'id'])
export class ReviewAppend {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'review_id' })
  reviewId: number;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 2000, default: '[]', transformer: jsonList })
  photos: string[];

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
