import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, FindOptionsSelect, FindOptionsWhere, In, Repository } from 'typeorm';
import { KB_AUDIENCES, KB_STATUSES, KbArticle, KbAudience, KbStatus } from './kb-article.entity';
import { KbArticleVersion } from './kb-article-version.entity';
import { KbCategory } from './kb-category.entity';
import { KbVote } from './kb-vote.entity';
import { markdownToText, renderMarkdown } from './markdown';
import { TextIndexService } from '../search/text-index.service';
import { queryTerms, segmentsOf, WeightedField } from '../search/text-terms';
import { scopeOf, searchColumns } from './kb-search';
import { TicketService } from '../tickets/ticket.service';
import type { OrderActor } from '../orders/order.service';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { isUniqueViolation } from '../../common/db-errors';
import { Errors } from '../../common/errors';
import { Page, PageQuery, toPage } from '../../common/pagination';

export const KB_DOC = 'kb_article';
/**
 * Index weights per field. Search relies on their order (title > tags > summary > body): a term's
 * weight is that of the weightiest field holding it, so a one-term query's rank tier can be read
 * from the index alone (see `searchPage`).
 */
export const FIELD_WEIGHTS = { title: 10, tags: 6, summary: 3, body: 1 } as const;

/**
 * MySQL: group the postings of all terms instead of reading a row per posting of the rarest one
 * when they number less than this many times the rarest's. Measured on MariaDB 10.11: a grouped
 * index entry costs about 1 µs, a candidate row with its substring tests 4-5 µs. (SQLite reads
 * rows so cheaply that it always drives from the rarest term.)
 */
const GROUPED_BELOW = 4;

/** The columns a list shows: everything but the body. */
const LIST_COLUMNS: FindOptionsSelect<KbArticle> = {
  id: true,
  categoryId: true,
  audience: true,
  status: true,
  title: true,
  summary: true,
  tags: true,
  isFaq: true,
  sortOrder: true,
  version: true,
  viewCount: true,
  helpfulCount: true,
  notHelpfulCount: true,
  publishedAt: true,
  updatedBy: true,
  updatedAt: true,
};

export interface ArticleInput {
  categoryId?: number | null;
  audience: KbAudience;
  title: string;
  summary?: string;
  body: string;
  tags?: string[];
  isFaq?: boolean;
  sortOrder?: number;
}

export interface ArticleQuery extends PageQuery {
  keyword?: string;
  audience?: KbAudience;
  status?: KbStatus;
  categoryId?: number;
  faq?: boolean;
}

export interface ArticleSummaryView {
  id: number;
  categoryId: number | null;
  categoryName: string;
  audience: KbAudience;
  status: KbStatus;
  title: string;
  summary: string;
  tags: string[];
  isFaq: boolean;
  version: number;
  viewCount: number;
  helpfulCount: number;
  notHelpfulCount: number;
  publishedAt: Date | null;
  updatedBy: string;
  updatedAt: Date;
}

/**
 * The knowledge base and help center. Articles are Markdown; the app receives safe HTML
 * (markdown.ts escapes every text) and the console renders the same Markdown to React elements.
 * Search goes through the shared bigram index (Chinese substrings on SQLite and MariaDB alike):
 * candidates holding every query term, filtered by audience and status, ranked by whole-substring
 * hits in the title, then tags, then the index score.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class KnowledgeService {
  @InjectEntityModel(KbArticle)
  articles: Repository<KbArticle>;

  @InjectEntityModel(KbArticleVersion)
  versions: Repository<KbArticleVersion>;

  @InjectEntityModel(KbCategory)
  categories: Repository<KbCategory>;

  @InjectEntityModel(KbVote)
  votes: Repository<KbVote>;

  @Inject()
  textIndex: TextIndexService;

  @Inject()
  tickets: TicketService;

  @Inject()
  audit: AuditService;

  @Inject()
  tx: TransactionService;

  /** How a longer query finds its matches (see `searchPage`); tests force each way to compare them. */
  searchStrategy: 'auto' | 'rows' | 'grouped' = 'auto';

  // ---------------------------------------------------------------- categories

  async listCategories(audience?: KbAudience) {
    return this.categories.find({ where: audience ? { audience } : {}, order: { audience: 'ASC', sortOrder: 'ASC', id: 'ASC' } });
  }

  async createCategory(ctx: AuditContext, input: { name: string; audience: KbAudience; sortOrder?: number }) {
    const id = await this.tx.run(async manager => {
      const inserted = await manager.getRepository(KbCategory).insert({ name: input.name, audience: input.audience, sortOrder: input.sortOrder ?? 0 });
      const cid = inserted.identifiers[0].id as number;
      await this.audit.record(ctx, { action: 'kb.category.create', targetType: 'kb_category', targetId: cid, after: input }, manager);
      return cid;
    });
    return this.categories.findOneByOrFail({ id });
  }

  // ---------------------------------------------------------------- articles (staff)

  async create(ctx: AuditContext, input: ArticleInput, sourceTicketId: number | null = null) {
    await this.checkCategory(input.categoryId ?? null, input.audience);
    const by = (ctx.principal?.displayName ?? 'system').slice(0, 64);
    const id = await this.tx.run(async manager => {
      const inserted = await manager.getRepository(KbArticle).insert({
        categoryId: input.categoryId ?? null,
        audience: input.audience,
        status: 'draft',
        title: input.title,
        summary: input.summary ?? summaryOf(input.body),
        body: input.body,
        tags: input.tags ?? [],
        ...searchColumns({ title: input.title, tags: input.tags ?? [], summary: input.summary ?? summaryOf(input.body), body: input.body }),
        isFaq: Boolean(input.isFaq),
        sortOrder: input.sortOrder ?? 0,
        version: 1,
        sourceTicketId,
        publishedAt: null,
        updatedBy: by,
      });
      const aid = inserted.identifiers[0].id as number;
      const article = await manager.getRepository(KbArticle).findOneByOrFail({ id: aid });
      await this.saveVersion(manager, article, by);
      await this.reindex(manager, article);
      await this.audit.record(ctx, { action: 'kb.article.create', targetType: 'kb_article', targetId: aid, after: { title: input.title, audience: input.audience, sourceTicketId } }, manager);
      return aid;
    });
    return this.detailForStaff(id);
  }

  /** Saves a new version (the article keeps its status; a published article shows the change at once). */
  async update(ctx: AuditContext, id: number, input: ArticleInput) {
    await this.checkCategory(input.categoryId ?? null, input.audience);
    const by = (ctx.principal?.displayName ?? 'system').slice(0, 64);
    await this.tx.run(async manager => {
      const before = await this.lock(manager, id);
      await manager.getRepository(KbArticle).update(
        { id },
        {
          categoryId: input.categoryId ?? null,
          audience: input.audience,
          title: input.title,
          summary: input.summary ?? summaryOf(input.body),
          body: input.body,
          tags: input.tags ?? [],
          ...searchColumns({ title: input.title, tags: input.tags ?? [], summary: input.summary ?? summaryOf(input.body), body: input.body }),
          isFaq: Boolean(input.isFaq),
          sortOrder: input.sortOrder ?? before.sortOrder,
          version: before.version + 1,
          updatedBy: by,
        }
      );
      const after = await manager.getRepository(KbArticle).findOneByOrFail({ id });
      await this.saveVersion(manager, after, by);
      await this.reindex(manager, after);
      await this.audit.record(ctx, { action: 'kb.article.update', targetType: 'kb_article', targetId: id, before: { version: before.version, title: before.title }, after: { version: after.version, title: after.title } }, manager);
    });
    return this.detailForStaff(id);
  }

  async setStatus(ctx: AuditContext, id: number, to: KbStatus, now = new Date()) {
    const by = (ctx.principal?.displayName ?? 'system').slice(0, 64);
    await this.tx.run(async manager => {
      const a = await this.lock(manager, id);
      if (a.status === to) throw Errors.conflict('KB_STATUS_UNCHANGED', `文章已是「${STATUS_LABELS[to]}」状态`);
      await manager.getRepository(KbArticle).update({ id }, { status: to, publishedAt: to === 'published' ? now : a.publishedAt, updatedBy: by });
      await this.textIndex.setScope(manager, KB_DOC, id, scopeOf(a.audience, to));
      await this.audit.record(ctx, { action: `kb.article.${to}`, targetType: 'kb_article', targetId: id, before: { status: a.status }, after: { status: to } }, manager);
    });
    return this.detailForStaff(id);
  }

  /** Brings an old version back as the newest one (history is never rewritten). */
  async restoreVersion(ctx: AuditContext, id: number, version: number) {
    const v = await this.versions.findOne({ where: { articleId: id, version } });
    if (!v) throw Errors.notFound('文章版本');
    const a = await this.articles.findOne({ where: { id } });
    if (!a) throw Errors.notFound('文章');
    return this.update(ctx, id, { categoryId: a.categoryId, audience: a.audience, title: v.title, body: v.body, tags: v.tags, isFaq: a.isFaq, sortOrder: a.sortOrder });
  }

  /** A ticket's question and staff answers as a draft customer article, linked back to the ticket. */
  async fromTicket(ctx: AuditContext, ticketId: number, actor: OrderActor, categoryId?: number) {
    const { ticket, replies } = await this.tickets.materialForArticle(ticketId, actor);
    const answer = replies.map(r => r.content).join('\n\n') || '（请补充解答）';
    const body = `## 问题\n\n${ticket.content}\n\n## 解答\n\n${answer}`;
    return this.create(ctx, { categoryId: categoryId ?? null, audience: 'customer', title: ticket.title, body, tags: [] }, ticket.id);
  }

  async listForStaff(q: ArticleQuery): Promise<Page<ArticleSummaryView>> {
    const where: FindOptionsWhere<KbArticle> = {};
    if (q.audience) where.audience = q.audience;
    if (q.status) where.status = q.status;
    if (q.categoryId) where.categoryId = q.categoryId;
    if (q.faq !== undefined) where.isFaq = q.faq;
    return this.page(q, where);
  }

  async detailForStaff(id: number) {
    const a = await this.articles.findOne({ where: { id } });
    if (!a) throw Errors.notFound('文章');
    const versions = await this.versions.find({ where: { articleId: id }, order: { version: 'DESC' }, select: { id: true, version: true, title: true, status: true, savedBy: true, createdAt: true } });
    return { ...(await this.summaries([a]))[0], body: a.body, sourceTicketId: a.sourceTicketId, sortOrder: a.sortOrder, versions };
  }

  async versionBody(id: number, version: number) {
    const v = await this.versions.findOne({ where: { articleId: id, version } });
    if (!v) throw Errors.notFound('文章版本');
    return { version: v.version, title: v.title, body: v.body, tags: v.tags, status: v.status, savedBy: v.savedBy, createdAt: v.createdAt };
  }

  // ---------------------------------------------------------------- help center (customers) and escorts

  async helpHome(audience: KbAudience) {
    const [categories, faq] = await Promise.all([
      this.categories.find({ where: { audience }, order: { sortOrder: 'ASC', id: 'ASC' } }),
      this.articles.find({ where: { audience, status: 'published', isFaq: true }, select: LIST_COLUMNS, order: { sortOrder: 'ASC', id: 'ASC' }, take: 20 }),
    ]);
    return { categories: categories.map(c => ({ id: c.id, name: c.name })), faq: await this.summaries(faq) };
  }

  async listPublished(audience: KbAudience, q: PageQuery & { keyword?: string; categoryId?: number }) {
    const where: FindOptionsWhere<KbArticle> = { audience, status: 'published' };
    if (q.categoryId) where.categoryId = q.categoryId;
    return this.page(q, where);
  }

  /** A published article with safe HTML; each read counts one view. */
  async readPublished(audience: KbAudience, id: number) {
    const a = await this.articles.findOne({ where: { id, audience, status: 'published' } });
    if (!a) throw Errors.notFound('文章');
    await this.articles.increment({ id }, 'viewCount', 1);
    const [view] = await this.summaries([{ ...a, viewCount: a.viewCount + 1 }]);
    return { ...view, bodyHtml: renderMarkdown(a.body), body: a.body };
  }

  /** One vote per customer; voting the other way moves the counts. */
  async vote(customerId: number, id: number, helpful: boolean) {
    await this.tx.run(async manager => {
      const a = await manager.getRepository(KbArticle).findOne({ where: { id, status: 'published', audience: 'customer' } });
      if (!a) throw Errors.notFound('文章');
      const votes = manager.getRepository(KbVote);
      const existing = await votes.findOne({ where: { articleId: id, customerId } });
      if (existing?.helpful === helpful) return;
      if (existing) {
        await votes.update({ id: existing.id }, { helpful });
        await manager.getRepository(KbArticle).decrement({ id }, helpful ? 'notHelpfulCount' : 'helpfulCount', 1);
      } else {
        try {
          await votes.insert({ articleId: id, customerId, helpful });
        } catch (err) {
          if (isUniqueViolation(err)) throw Errors.conflict('KB_VOTE_IN_PROGRESS', '请稍后再试');
          throw err;
        }
      }
      await manager.getRepository(KbArticle).increment({ id }, helpful ? 'helpfulCount' : 'notHelpfulCount', 1);
    });
    const a = await this.articles.findOneByOrFail({ id });
    return { helpfulCount: a.helpfulCount, notHelpfulCount: a.notHelpfulCount, myVote: helpful };
  }

  // ---------------------------------------------------------------- search

  /**
   * A page of the articles matching the keyword among those `where` allows, best first, and how
   * many match, ranked and paged in SQL. A match holds every term (bigram) of the query; the rank
   * is a whole-query hit in the title, then in a tag, then in the summary, then anywhere (body);
   * then the score (the sum of each term's weight, a term weighing as its weightiest field); then
   * newest first.
   *
   * The audience and status filters are the index rows' scope, so the help center never reads an
   * article to drop drafts. A one-term query (a two-character word, or one character) is answered
   * by the index alone: the term's weight says which field holds it, so it is the rank, and the
   * page comes out of the index in order. A longer query is driven by its rarest term's postings;
   * each candidate's row then settles the rest with substring tests on the normalised columns
   * (a bigram is in a field's index terms exactly when it is a substring of the field's
   * normalised text), which give the other terms' weights and the whole-query tier in the same
   * statement — one primary-key read per candidate instead of an index probe per candidate and
   * term (measured several times cheaper on both databases).
   */
  async searchPage(keyword: string, where: FindOptionsWhere<KbArticle>, offset: number, limit: number): Promise<{ ids: number[]; total: number }> {
    const none = { ids: [], total: 0 };
    const terms = queryTerms(keyword);
    const scopes = scopesOf(where);
    if (!terms.length || !scopes.length) return none;
    const extra: string[] = [];
    const extraParams: unknown[] = [];
    if (where.categoryId !== undefined) {
      extra.push('a.category_id = ?');
      extraParams.push(where.categoryId);
    }
    if (where.isFaq !== undefined) {
      extra.push('a.is_faq = ?');
      extraParams.push(where.isFaq ? 1 : 0);
    }
    const whole = segmentsOf(keyword)
      .map(s => s.join(''))
      .join('');
    if (!extra.length && terms.length === 1 && terms[0] === whole) {
      const { total, docIds } = await this.textIndex.termPage(KB_DOC, terms[0], scopes, offset, limit);
      return { ids: docIds, total };
    }
    const counts = await this.textIndex.termCounts(KB_DOC, terms, scopes);
    const [driver, ...rest] = [...terms].sort((x, y) => (counts.get(x) ?? 0) - (counts.get(y) ?? 0));
    const has = (column: string) => this.textIndex.contains(`a.${column}`);
    const W = FIELD_WEIGHTS;
    const tier = `CASE WHEN ${has('search_title')} THEN 0 WHEN ${has('search_tags')} THEN 1 WHEN ${has('search_summary')} THEN 2 ELSE 3 END`;
    // Each way gives `c` (hit_id, rank_tier and the weights summed into rank_score), filtered.
    let matched: string;
    let innerParams: unknown[];
    let score: string;
    const postings = terms.reduce((n, t) => n + (counts.get(t) ?? 0), 0);
    const grouped =
      !extra.length && (this.searchStrategy === 'auto' ? this.textIndex.isMysql && postings < GROUPED_BELOW * (counts.get(driver) ?? 0) : this.searchStrategy === 'grouped');
    if (grouped) {
      // MySQL, no term rare enough to drive: the terms' postings grouped by document (index
      // entries only); an article row is read only where the lowest term weight allows the whole
      // query in the title, a tag or the summary.
      const g = this.textIndex.groupedMatches(KB_DOC, terms, scopes);
      const guarded =
        `CASE WHEN g.min_weight >= ${W.title} AND ${has('search_title')} THEN 0 WHEN g.min_weight >= ${W.tags} AND ${has('search_tags')} THEN 1 ` +
        `WHEN ${has('search_summary')} THEN 2 ELSE 3 END`;
      matched =
        `(SELECT g.doc_id AS hit_id, g.score AS w0, CASE WHEN g.min_weight < ${W.summary} THEN 3 ELSE (SELECT ${guarded} FROM kb_articles a WHERE a.id = g.doc_id) END AS rank_tier ` +
        `FROM (${g.sql}) g) c`;
      innerParams = [whole, whole, whole, ...g.params];
      score = 'c.w0';
    } else {
      const weightOf =
        `CASE WHEN ${has('search_title')} THEN ${W.title} WHEN ${has('search_tags')} THEN ${W.tags} ` +
        `WHEN ${has('search_summary')} THEN ${W.summary} WHEN ${has('search_body')} THEN ${W.body} ELSE 0 END`;
      const exact = this.textIndex.exactTerm('t0');
      const inner =
        `SELECT t0.doc_id AS hit_id, t0.weight AS w0${rest.map((_, i) => `, ${weightOf} AS w${i + 1}`).join('')}, ${tier} AS rank_tier ` +
        // CROSS JOIN: SQLite keeps this order (postings first); MySQL plans it itself.
        `FROM text_index t0 CROSS JOIN kb_articles a ` +
        `WHERE t0.doc_type = ? AND t0.scope IN (${scopes.map(() => '?').join(', ')}) AND ${exact.sql} AND a.id = t0.doc_id${extra.map(e => ` AND ${e}`).join('')}`;
      innerParams = [...rest.flatMap(t => [t, t, t, t]), whole, whole, whole, KB_DOC, ...scopes, ...exact.params(driver), ...extraParams];
      matched = `(${inner}) c${rest.length ? ` WHERE ${rest.map((_, i) => `c.w${i + 1} > 0`).join(' AND ')}` : ''}`;
      score = ['c.w0', ...rest.map((_, i) => `c.w${i + 1}`)].join(' + ');
    }
    const m = this.articles.manager;
    const rows: { hit_id: number | string; total: number | string }[] = await m.query(
      `SELECT c.hit_id, c.rank_tier, ${score} AS rank_score, COUNT(*) OVER () AS total FROM ${matched} ORDER BY c.rank_tier ASC, rank_score DESC, c.hit_id DESC LIMIT ? OFFSET ?`,
      [...innerParams, limit, offset]
    );
    if (rows.length) return { ids: rows.map(r => Number(r.hit_id)), total: Number(rows[0].total) };
    if (!offset) return none;
    // Past the last page: the total still counts.
    const [count] = await m.query(`SELECT COUNT(*) AS n FROM ${matched}`, innerParams);
    return { ids: [], total: Number(count.n) };
  }

  private async page(q: PageQuery & { keyword?: string }, where: FindOptionsWhere<KbArticle>): Promise<Page<ArticleSummaryView>> {
    const keyword = q.keyword?.trim();
    if (!keyword) {
      const [rows, total] = await this.articles.findAndCount({ where, select: LIST_COLUMNS, order: { sortOrder: 'ASC', id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
      return toPage(await this.summaries(rows), total, q);
    }
    const { ids, total } = await this.searchPage(keyword, where, (q.page - 1) * q.pageSize, q.pageSize);
    const rows = ids.length ? await this.articles.find({ where: { id: In(ids) }, select: LIST_COLUMNS }) : [];
    const byId = new Map(rows.map(r => [r.id, r]));
    return toPage(await this.summaries(ids.map(id => byId.get(id)!).filter(Boolean)), total, q);
  }

  // ---------------------------------------------------------------- internals

  /** Replaces the article's index terms; call in the transaction of every save. */
  async reindex(manager: EntityManager, a: KbArticle): Promise<void> {
    await this.textIndex.indexDocument(manager, KB_DOC, a.id, indexFields(a), scopeOf(a.audience, a.status));
  }

  private async saveVersion(manager: EntityManager, a: KbArticle, by: string) {
    await manager.getRepository(KbArticleVersion).insert({ articleId: a.id, version: a.version, title: a.title, body: a.body, tags: a.tags, status: a.status, savedBy: by });
  }

  private async lock(manager: EntityManager, id: number): Promise<KbArticle> {
    const a = await manager.getRepository(KbArticle).findOne({ where: { id }, lock: this.tx.lockMode.mode ? { mode: 'pessimistic_write' } : undefined });
    if (!a) throw Errors.notFound('文章');
    return a;
  }

  private async checkCategory(categoryId: number | null, audience: KbAudience) {
    if (!categoryId) return;
    const c = await this.categories.findOne({ where: { id: categoryId } });
    if (!c) throw Errors.rule('KB_CATEGORY_INVALID', '分类不存在');
    if (c.audience !== audience) throw Errors.rule('KB_CATEGORY_AUDIENCE_MISMATCH', '分类与文章的读者不一致');
  }

  private async summaries(rows: KbArticle[]): Promise<ArticleSummaryView[]> {
    const ids = [...new Set(rows.map(r => r.categoryId).filter((x): x is number => x !== null))];
    const cats = ids.length ? await this.categories.find({ where: { id: In(ids) } }) : [];
    const names = new Map(cats.map(c => [c.id, c.name]));
    return rows.map(a => ({
      id: a.id,
      categoryId: a.categoryId,
      categoryName: a.categoryId ? names.get(a.categoryId) ?? '' : '',
      audience: a.audience,
      status: a.status,
      title: a.title,
      summary: a.summary,
      tags: a.tags,
      isFaq: a.isFaq,
      version: a.version,
      viewCount: a.viewCount,
      helpfulCount: a.helpfulCount,
      notHelpfulCount: a.notHelpfulCount,
      publishedAt: a.publishedAt,
      updatedBy: a.updatedBy,
      updatedAt: a.updatedAt,
    }));
  }
}

/** What an article is searchable by, and how much each field counts. */
export function indexFields(a: Pick<KbArticle, 'title' | 'tags' | 'summary' | 'body'>): WeightedField[] {
  return [
    { text: a.title, weight: FIELD_WEIGHTS.title },
    ...a.tags.map(text => ({ text, weight: FIELD_WEIGHTS.tags })),
    { text: a.summary, weight: FIELD_WEIGHTS.summary },
    { text: markdownToText(a.body), weight: FIELD_WEIGHTS.body },
  ];
}

/** The scopes a filter allows (every audience or status when it names none). */
function scopesOf(where: FindOptionsWhere<KbArticle>): string[] {
  const audiences = where.audience ? [where.audience as KbAudience] : KB_AUDIENCES;
  const statuses = where.status ? [where.status as KbStatus] : KB_STATUSES;
  return audiences.flatMap(a => statuses.map(s => scopeOf(a, s)));
}

const STATUS_LABELS: Record<KbStatus, string> = { draft: '草稿', published: '已发布', archived: '已下线' };

/** The first words of the article, when no summary is given. */
export function summaryOf(body: string): string {
  const text = markdownToText(body).replace(/\s+/g, ' ').trim();
  return Array.from(text).slice(0, 80).join('');
}
