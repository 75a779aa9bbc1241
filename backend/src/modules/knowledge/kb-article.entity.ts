import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { jsonList } from '../catalog/json-list.transformer';

/** customer = the help center; staff = internal answers for support; escort = escort training. */
export type KbAudience = 'customer' | 'staff' | 'escort';
export const KB_AUDIENCES: KbAudience[] = ['customer', 'staff', 'escort'];
export type KbStatus = 'draft' | 'published' | 'archived';
export const KB_STATUSES: KbStatus[] = ['draft', 'published', 'archived'];

/**
 * An article, written in Markdown (rendered by markdown.ts, which escapes everything). Every save
 * appends a kb_article_versions row; `version` is the latest. Searchable through the shared text
 * index (doc type `kb_article`), re-indexed in the same transaction as each save.
 */
@Entity('kb_articles')
@Index('idx_kb_articles_audience_status', ['audience', 'status'])
export class KbArticle {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'category_id', nullable: true })
  categoryId: number | null;

  @Column({ type: 'varchar', length: 16 })
  audience: KbAudience;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: KbStatus;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  summary: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 500, default: '[]', transformer: jsonList })
  tags: string[];

  /**
   * Title, tags (joined by spaces), summary and body in the search index's normalised form
   * (kb-search.ts `searchColumns`), written with every save: search tests a candidate's other
   * query terms and the whole-query hit with substring tests on these, in SQL.
   */
  @Column({ type: 'varchar', length: 200, name: 'search_title', default: '' })
  searchTitle: string;

  @Column({ type: 'varchar', length: 500, name: 'search_tags', default: '' })
  searchTags: string;

  @Column({ type: 'varchar', length: 255, name: 'search_summary', default: '' })
  searchSummary: string;

  /** Cut at 60,000 bytes (MySQL TEXT); past the cut of a longer body only the query's driving term is seen. */
  @Column({ type: 'text', name: 'search_body', nullable: true })
  searchBody: string | null;

  /** Shown among the help center's common questions. */
  @Column({ type: 'boolean', name: 'is_faq', default: false })
  isFaq: boolean;

  @Column({ type: 'int', name: 'sort_order', default: 0 })
  sortOrder: number;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'int', name: 'view_count', default: 0 })
  viewCount: number;

  @Column({ type: 'int', name: 'helpful_count', default: 0 })
  helpfulCount: number;

  @Column({ type: 'int', name: 'not_helpful_count', default: 0 })
  notHelpfulCount: number;

  /** The ticket this article was written from, if any. */
  @Column({ type: 'int', name: 'source_ticket_id', nullable: true })
  sourceTicketId: number | null;

  @Column({ type: 'datetime', name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'varchar', length: 64, name: 'updated_by', default: '' })
  updatedBy: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
