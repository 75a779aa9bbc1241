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

/** Most candidates `search` returns; callers filter (city, enabled) and page within them. */
export const MAX_CANDIDATES = 2000;

const list = (n: number) => Array(n).fill('?').join(', ');

/** How long a term's document count is reused for planning (see `termCounts`). */
const TERM_COUNT_TTL_MS = 5 * 60_000;

/**
 * The shared Chinese search index (table `text_index`). Owners of searchable documents call
 * `indexDocument` in the same transaction as every write that changes the indexed text, so the
 * index never lags behind the data, and `search` or `termPage` to find documents holding every
 * query term (the knowledge base drives its own ranking query from `termCounts`).
 *
 * Term equality is exact on both databases: MySQL's utf8mb4_unicode_ci would let one query term
 * match two stored ones (`fe` and `fé`, or any two characters outside the BMP), so the MySQL
 * queries add `term COLLATE utf8mb4_bin` beside the indexed comparison; a document then has at
 * most one row per query term, as on SQLite.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class TextIndexService {
  @InjectEntityModel(TextIndexEntry)
  entries: Repository<TextIndexEntry>;

  private countCache = new Map<string, { n: number; until: number }>();

  get isMysql(): boolean {
    const type = this.entries.manager.connection.options.type;
    return type === 'mysql' || type === 'mariadb';
  }

  /** Replaces the document's terms with those of its fields; `scope` is the owner's filter key. */
  async indexDocument(manager: EntityManager, docType: string, docId: number, fields: WeightedField[], scope = ''): Promise<void> {
    const repo = manager.getRepository(TextIndexEntry);
    await repo.delete({ docType, docId });
    const rows = [...weightedTerms(fields)].map(([term, weight]) => ({ docType, scope, docId, term, weight }));
    // Chunked so a long document stays under the drivers' bound-parameter limits.
    for (let i = 0; i < rows.length; i += 200) await repo.insert(rows.slice(i, i + 200));
  }

  /** Moves every row of the document to another scope (a knowledge article published or archived). */
  async setScope(manager: EntityManager, docType: string, docId: number, scope: string): Promise<void> {
    await manager.getRepository(TextIndexEntry).update({ docType, docId }, { scope });
  }

  async removeDocument(manager: EntityManager, docType: string, docId: number): Promise<void> {
    await manager.getRepository(TextIndexEntry).delete({ docType, docId });
  }

  /**
   * Documents holding every term of the query, best score first (hospitals: rows of scope '').
   * COUNT(DISTINCT term) rather than COUNT(*): MySQL's case- and accent-insensitive collation may
   * let one query term match two stored ones, which must still count once.
   */
  async search(docType: string, query: string, limit = MAX_CANDIDATES, scope = ''): Promise<TextMatch[]> {
    const terms = queryTerms(query);
    if (!terms.length) return [];
    const rows: { docId: number | string; score: number | string }[] = await this.entries
      .createQueryBuilder('ti')
      .select('ti.docId', 'docId')
      .addSelect('SUM(ti.weight)', 'score')
      .where('ti.docType = :docType', { docType })
      .andWhere('ti.scope = :scope', { scope })
      .andWhere('ti.term IN (:...terms)', { terms })
      .groupBy('ti.docId')
      .having('COUNT(DISTINCT ti.term) >= :n', { n: terms.length })
      .orderBy('score', 'DESC')
      .addOrderBy('ti.docId', 'ASC')
      .limit(limit)
      .getRawMany();
    return rows.map(r => ({ docId: Number(r.docId), score: Number(r.score) }));
  }

  /**
   * One term's documents within the scopes: how many, and a page of them by weight, newest
   * first among equals — read from `idx_text_index_term` alone (a backward range scan when there
   * is one scope, so a page of a term held by every document costs a page).
   */
  async termPage(docType: string, term: string, scopes: string[], offset: number, limit: number): Promise<{ total: number; docIds: number[] }> {
    if (!scopes.length) return { total: 0, docIds: [] };
    const exact = this.exactTerm('text_index');
    const where = `doc_type = ? AND scope IN (${list(scopes.length)}) AND ${exact.sql}`;
    const params = [docType, ...scopes, ...exact.params(term)];
    const m = this.entries.manager;
    const [count] = await m.query(`SELECT COUNT(*) AS n FROM text_index WHERE ${where}`, params);
    const total = Number(count.n);
    if (!total || offset >= total) return { total, docIds: [] };
    const rows: { doc_id: number | string }[] = await m.query(`SELECT doc_id FROM text_index WHERE ${where} ORDER BY weight DESC, doc_id DESC LIMIT ? OFFSET ?`, [...params, limit, offset]);
    return { total, docIds: rows.map(r => Number(r.doc_id)) };
  }

  /**
   * How many documents of the scopes hold each term. Exact when read, then kept a few minutes:
   * callers use it only to pick which term drives a search (the rarest), so a stale count can
   * make one search slower, never its answer wrong.
   */
  async termCounts(docType: string, terms: string[], scopes: string[]): Promise<Map<string, number>> {
    const now = Date.now();
    const keyOf = (t: string) => `${docType}\u0000${scopes.join(',')}\u0000${t}`;
    const result = new Map<string, number>();
    const missing: string[] = [];
    for (const t of terms) {
      const hit = this.countCache.get(keyOf(t));
      if (hit && hit.until > now) result.set(t, hit.n);
      else missing.push(t);
    }
    if (!missing.length || !scopes.length) return result;
    const exact = this.isMysql ? ' AND term COLLATE utf8mb4_bin = ?' : '';
    const counts = missing.map((_, i) => `(SELECT COUNT(*) FROM text_index WHERE doc_type = ? AND scope IN (${list(scopes.length)}) AND term = ?${exact}) AS n${i}`);
    const [row] = await this.entries.manager.query(`SELECT ${counts.join(', ')}`, missing.flatMap(t => [docType, ...scopes, t, ...(this.isMysql ? [t] : [])]));
    if (this.countCache.size > 10_000) this.countCache.clear();
    missing.forEach((t, i) => {
      const n = Number(row[`n${i}`]);
      result.set(t, n);
      this.countCache.set(keyOf(t), { n, until: now + TERM_COUNT_TTL_MS });
    });
    return result;
  }

  /**
   * The documents of the scopes holding every term, as a derived table (`doc_id`, `score` = sum of
   * the terms' weights, `min_weight`), from one range scan over the terms' postings grouped by
   * document: index entries only, so it costs the postings of all the terms together.
   */
  groupedMatches(docType: string, terms: string[], scopes: string[]): { sql: string; params: unknown[] } {
    const exact = this.isMysql ? ` AND term COLLATE utf8mb4_bin IN (${list(terms.length)})` : '';
    return {
      sql:
        `SELECT doc_id, SUM(weight) AS score, MIN(weight) AS min_weight FROM text_index ` +
        `WHERE doc_type = ? AND scope IN (${list(scopes.length)}) AND term IN (${list(terms.length)})${exact} GROUP BY doc_id HAVING COUNT(*) = ?`,
      params: [docType, ...scopes, ...terms, ...(this.isMysql ? terms : []), terms.length],
    };
  }

  /** `term = ?` on the index, exact on MySQL too (see the class comment); `alias` qualifies the columns. */
  exactTerm(alias: string): { sql: string; params: (term: string) => string[] } {
    return this.isMysql
      ? { sql: `${alias}.term = ? AND ${alias}.term COLLATE utf8mb4_bin = ?`, params: t => [t, t] }
      : { sql: `${alias}.term = ?`, params: t => [t] };
  }

  /** `column contains ?` as an exact, case-sensitive substring test (instr), on both databases. */
  contains(column: string): string {
    return this.isMysql ? `INSTR(${column} COLLATE utf8mb4_bin, ?) > 0` : `instr(${column}, ?) > 0`;
  }
}
