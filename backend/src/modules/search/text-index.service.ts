import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { TextIndexEntry } from './text-index.entity';
import { queryTerms, WeightedField, weightedTerms } from './text-terms';

export interface TextMatch {
  docId: number;
  /** Sum of the weights of the matched terms: more and weightier fields rank higher. */
  score: number;
}

/** Most candidates one query returns; callers filter (city, enabled) and page within them. */
export const MAX_CANDIDATES = 2000;

/**
 * The shared Chinese search index (table `text_index`). Owners of searchable documents call
 * `indexDocument` in the same transaction as every write that changes the indexed text, so the
 * index never lags behind the data, and `search` to find documents holding every query term.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class TextIndexService {
  @InjectEntityModel(TextIndexEntry)
  entries: Repository<TextIndexEntry>;

  /** Replaces the document's terms with those of its fields. */
  async indexDocument(manager: EntityManager, docType: string, docId: number, fields: WeightedField[]): Promise<void> {
    const repo = manager.getRepository(TextIndexEntry);
    await repo.delete({ docType, docId });
    const rows = [...weightedTerms(fields)].map(([term, weight]) => ({ docType, docId, term, weight }));
    // Chunked so a long document stays under the drivers' bound-parameter limits.
    for (let i = 0; i < rows.length; i += 200) await repo.insert(rows.slice(i, i + 200));
  }

  async removeDocument(manager: EntityManager, docType: string, docId: number): Promise<void> {
    await manager.getRepository(TextIndexEntry).delete({ docType, docId });
  }

  /**
   * Documents holding every term of the query, best score first. COUNT(DISTINCT term) rather than
   * COUNT(*): MySQL's case- and accent-insensitive collation may let one query term match two
   * stored ones, which must still count once.
   */
  async search(docType: string, query: string, limit = MAX_CANDIDATES): Promise<TextMatch[]> {
    const terms = queryTerms(query);
    if (!terms.length) return [];
    const rows: { docId: number | string; score: number | string }[] = await this.entries
      .createQueryBuilder('ti')
      .select('ti.docId', 'docId')
      .addSelect('SUM(ti.weight)', 'score')
      .where('ti.docType = :docType', { docType })
      .andWhere('ti.term IN (:...terms)', { terms })
      .groupBy('ti.docId')
      .having('COUNT(DISTINCT ti.term) >= :n', { n: terms.length })
      .orderBy('score', 'DESC')
      .addOrderBy('ti.docId', 'ASC')
      .limit(limit)
      .getRawMany();
    return rows.map(r => ({ docId: Number(r.docId), score: Number(r.score) }));
  }
}
