import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One helpful / not-helpful vote per customer per article (a change of mind moves the counts). */
@Entity('kb_votes')
@Index('uq_kb_votes_voter', ['articleId', 'customerId'], { unique: true })
export class KbVote {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'article_id' })
  articleId: number;

  @Column({ type: 'int', name: 'customer_id' })
  customerId: number;

  @Column({ type: 'boolean' })
  helpful: boolean;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
