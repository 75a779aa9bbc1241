import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { jsonList } from '../catalog/json-list.transformer';

/** Every saved state of an article, append-only: (article, version) is unique. */
@Entity('kb_article_versions')
@Index('uq_kb_article_versions', ['articleId', 'version'], { unique: true })
export class KbArticleVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'article_id' })
  articleId: number;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 500, default: '[]', transformer: jsonList })
  tags: string[];

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'varchar', length: 64, name: 'saved_by' })
  savedBy: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
