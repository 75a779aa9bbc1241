import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, FindOptionsWhere, In, Repository } from 'typeorm';
import { KbArticle, KbAudience, KbStatus } from './kb-article.entity';
import { KbArticleVersion } from './kb-article-version.entity';
import { KbCategory } from './kb-category.entity';
import { KbVote } from './kb-vote.entity';
import { markdownToText, renderMarkdown } from './markdown';
import { TextIndexService } from '../search/text-index.service';
import { containsQuery, WeightedField } from '../search/text-terms';
import { TicketService } from '../tickets/ticket.service';
import type { OrderActor } from '../orders/order.service';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { isUniqueViolation } from '../../common/db-errors';
import { Errors } from '../../common/errors';
import { Page, PageQuery, toPage } from '../../common/pagination';

export const KB_DOC = 'kb_article';
const FIELD_WEIGHTS = { title: 10, tags: 6, summary: 3, body: 1 } as const;

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
      this.articles.find({ where: { audience, status: 'published', isFaq: true }, order: { sortOrder: 'ASC', id: 'ASC' }, take: 20 }),
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
   * Ids of articles matching the keyword among those `where` allows, best first. The index gives
   * candidates holding every bigram of the query; a whole-substring hit in the title ranks first,
   * then in the tags, summary, body, then by the index score.
   */
  async searchIds(keyword: string, where: FindOptionsWhere<KbArticle>): Promise<number[]> {
    const matches = await this.textIndex.search(KB_DOC, keyword);
    if (!matches.length) return [];
    const score = new Map(matches.map(m => [m.docId, m.score]));
    const rows = await this.articles.find({ where: { ...where, id: In([...score.keys()]) }, select: { id: true, title: true, tags: true, summary: true } });
    // Most queries are plain Chinese: a raw substring test settles them without normalising
    // thousands of titles; anything else (letters, digits, spaces) goes through containsQuery.
    const plain = /^[\u3400-\u9fff]+$/u.test(keyword);
    const has = (text: string) => (plain ? text.includes(keyword) : containsQuery(text, keyword));
    const tier = (a: KbArticle) => (has(a.title) ? 0 : a.tags.some(has) ? 1 : has(a.summary) ? 2 : 3);
    return rows
      .map(a => ({ id: a.id, tier: tier(a), score: score.get(a.id) ?? 0 }))
      .sort((x, y) => x.tier - y.tier || y.score - x.score || x.id - y.id)
      .map(r => r.id);
  }

  private async page(q: PageQuery & { keyword?: string }, where: FindOptionsWhere<KbArticle>): Promise<Page<ArticleSummaryView>> {
    const keyword = q.keyword?.trim();
    if (!keyword) {
      const [rows, total] = await this.articles.findAndCount({ where, order: { sortOrder: 'ASC', id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
      return toPage(await this.summaries(rows), total, q);
    }
    const ids = await this.searchIds(keyword, where);
    const pageIds = ids.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const rows = pageIds.length ? await this.articles.find({ where: { id: In(pageIds) } }) : [];
    const byId = new Map(rows.map(r => [r.id, r]));
    return toPage(await this.summaries(pageIds.map(id => byId.get(id)!).filter(Boolean)), ids.length, q);
  }

  // ---------------------------------------------------------------- internals

  /** Replaces the article's index terms; call in the transaction of every save. */
  async reindex(manager: EntityManager, a: KbArticle): Promise<void> {
    await this.textIndex.indexDocument(manager, KB_DOC, a.id, indexFields(a));
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

const STATUS_LABELS: Record<KbStatus, string> = { draft: '草稿', published: '已发布', archived: '已下线' };

/** The first words of the article, when no summary is given. */
export function summaryOf(body: string): string {
  const text = markdownToText(body).replace(/\s+/g, ' ').trim();
  return Array.from(text).slice(0, 80).join('');
}
