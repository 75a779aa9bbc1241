import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Application-controlled search index: one row per (document, term), terms being character
 * bigrams and single characters of the document's normalised text (see text-terms.ts). MariaDB
 * has no n-gram full-text parser, so Chinese substring search intersects these rows instead of
 * scanning with LIKE '%..%'. Shared by every searchable document type (hospitals, knowledge base).
 *
 * `idx_text_index_term` (doc_type, scope, term, weight, doc_id) covers every search: a term's
 * postings within a scope, best weight first, so counts, single-term pages and the postings that
 * drive a longer query are read from the index alone. `idx_text_index_doc` finds a document's
 * rows to replace or re-scope them.
 */
@Entity('text_index')
@Index('idx_text_index_term', ['docType', 'scope', 'term', 'weight', 'docId'])
@Index('idx_text_index_doc', ['docType', 'docId'])
export class TextIndexEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, name: 'doc_type' })
  docType: string;

  /**
   * The owner's filter key for the document (the knowledge base: `<audience>:<status>`, so the
   * help center's search never leaves the index to drop drafts or staff articles); '' when the
   * owner filters elsewhere (hospitals). Every row of a document carries the same scope.
   */
  @Column({ type: 'varchar', length: 32, default: '' })
  scope: string;

  @Column({ type: 'int', name: 'doc_id' })
  docId: number;

  /** One or two characters (code points) of normalised text. */
  @Column({ type: 'varchar', length: 8 })
  term: string;

  /** The highest weight of the fields the term occurs in (a name counts more than an address). */
  @Column({ type: 'int', default: 1 })
  weight: number;
}
