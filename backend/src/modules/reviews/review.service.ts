import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, FindOptionsWhere, In, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import { HIDE_REASON_LABELS, HideReason, Review } from './review.entity';
import { ReviewAppend } from './review-append.entity';
import { ReviewStat, StatSubject } from './review-stat.entity';
import { EscortRatings, HospitalRatings, StatSums, escortDelta, hospitalDelta, isLowScore, monthlyTrend, performanceScore, summarise, StatSummary } from './review-stats';
import { OrderActor, OrderService } from '../orders/order.service';
import { OrderQueryService } from '../orders/order-query.service';
import { TicketService } from '../tickets/ticket.service';
import { EscortService } from '../escorts/escort.service';
import { HospitalService } from '../hospitals/hospital.service';
import { CustomerService } from '../users/customer.service';
import { CreditService } from '../credit/credit.service';
import { NotificationService } from '../notifications/notification.service';
import { SettingsService } from '../settings/settings.service';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { AnalyticsService } from '../analytics/analytics.service';
import { isUniqueViolation } from '../../common/db-errors';
import { Errors } from '../../common/errors';
import { PageQuery, toPage } from '../../common/pagination';

export const MAX_APPENDS = 3;

export interface NewReview extends EscortRatings {
  hospital?: HospitalRatings;
  tags?: string[];
  content: string;
  photos?: string[];
  anonymous?: boolean;
}

export interface StaffReviewQuery extends PageQuery {
  status?: 'visible' | 'hidden';
  escortId?: number;
  hospitalId?: number;
  maxOverall?: number;
  orderNo?: string;
}

const STAT_COLUMNS: (keyof StatSums)[] = [
  'reviewCount',
  'goodCount',
  'badCount',
  'overallSum',
  'attitudeSum',
  'professionalismSum',
  'communicationSum',
  'punctualitySum',
  'cleanlinessSum',
  'staffAttitudeSum',
  'signageSum',
];
const COLUMN_NAMES: Record<keyof StatSums, string> = {
  reviewCount: 'review_count',
  goodCount: 'good_count',
  badCount: 'bad_count',
  overallSum: 'overall_sum',
  attitudeSum: 'attitude_sum',
  professionalismSum: 'professionalism_sum',
  communicationSum: 'communication_sum',
  punctualitySum: 'punctuality_sum',
  cleanlinessSum: 'cleanliness_sum',
  staffAttitudeSum: 'staff_attitude_sum',
  signageSum: 'signage_sum',
};

/** Display name of a reviewer: anonymous reviews and everyone else's nicknames are masked. */
function reviewerName(r: Review, nickname: string | undefined): string {
  if (r.anonymous || !nickname) return '匿名用户';
  const chars = Array.from(nickname);
  return chars.length <= 1 ? `${chars[0] ?? ''}**` : `${chars[0]}**${chars.length > 2 ? chars[chars.length - 1] : ''}`;
}

/**
 * Reviews of completed orders: one per order, appended to but never rewritten; moderated and
 * replied to by staff; replied to once by the escort. Statistics per escort and per hospital move
 * in the same transaction as each review (and each hide / restore); a low score opens a
 * follow-up ticket in that transaction too.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ReviewService {
  @InjectEntityModel(Review)
  reviews: Repository<Review>;

  @InjectEntityModel(ReviewAppend)
  appends: Repository<ReviewAppend>;

  @InjectEntityModel(ReviewStat)
  stats: Repository<ReviewStat>;

  @Inject()
  orders: OrderService;

  @Inject()
  orderQuery: OrderQueryService;

  @Inject()
  tickets: TicketService;

  @Inject()
  escorts: EscortService;

  @Inject()
  hospitals: HospitalService;

  @Inject()
  customers: CustomerService;

  @Inject()
  credit: CreditService;

  @Inject()
  notifications: NotificationService;

  @Inject()
  settings: SettingsService;

  @Inject()
  audit: AuditService;

  @Inject()
  tx: TransactionService;

  @Inject()
  analytics: AnalyticsService;

  // ---------------------------------------------------------------- customer

  async create(customerId: number, orderId: number, input: NewReview, now = new Date()) {
    const actor: OrderActor = { type: 'customer', id: customerId, name: '客户' };
    const order = await this.orders.getForActor(orderId, actor);
    if (order.status !== 'completed') throw Errors.rule('REVIEW_ORDER_NOT_COMPLETED', '服务完成后才能评价');
    if (input.hospital && !order.hospitalId) throw Errors.rule('REVIEW_NO_HOSPITAL', '该订单没有就诊医院，不能评价医院');
    const rules = await this.settings.get('quality');
    const id = await this.tx.run(async manager => {
      const repo = manager.getRepository(Review);
      if (await repo.findOne({ where: { orderId }, select: { id: true } })) throw Errors.conflict('REVIEW_EXISTS', '该订单已评价，可以追加评价');
      let reviewId: number;
      try {
        const inserted = await repo.insert({
          orderId,
          orderNo: order.orderNo,
          customerId,
          escortId: order.escortId,
          hospitalId: order.hospitalId,
          cityId: order.cityId,
          serviceName: order.serviceName.slice(0, 64),
          overall: input.overall,
          attitude: input.attitude,
          professionalism: input.professionalism,
          communication: input.communication,
          punctuality: input.punctuality,
          hospitalCleanliness: input.hospital?.cleanliness ?? null,
          hospitalStaffAttitude: input.hospital?.staffAttitude ?? null,
          hospitalSignage: input.hospital?.signage ?? null,
          tags: input.tags ?? [],
          content: input.content,
          photos: input.photos ?? [],
          anonymous: Boolean(input.anonymous),
          status: 'visible',
          hiddenReason: null,
          hiddenNote: '',
          hiddenBy: '',
          hiddenAt: null,
          staffReply: null,
          staffReplyBy: '',
          staffReplyAt: null,
          escortReply: null,
          escortReplyAt: null,
        });
        reviewId = inserted.identifiers[0].id as number;
      } catch (err) {
        // Two taps at once: the unique key on order_id keeps one review.
        if (isUniqueViolation(err)) throw Errors.conflict('REVIEW_EXISTS', '该订单已评价，可以追加评价');
        throw err;
      }
      const review = await repo.findOneByOrFail({ id: reviewId });
      await this.count(manager, review, 1);
      await this.analytics.reviewRecordedIn(manager, reviewId);
      if (isLowScore(input, rules.lowScoreThreshold)) {
        await this.tickets.openFollowUpIn(
          manager,
          {
            reviewId,
            orderId,
            orderNo: order.orderNo,
            customerId,
            escortId: order.escortId,
            cityId: order.cityId,
            title: `差评回访：订单 ${order.orderNo}（${input.overall} 星）`,
            content: `客户评价：${input.content}`.slice(0, 2000),
          },
          now
        );
      }
      // The escort who served hears of it in their inbox (the customer's name never: reviews may be anonymous).
      if (order.escortId) {
        const words = Array.from(input.content.replace(/\s+/g, ' ').trim());
        const detail = `${input.overall} 星${words.length ? `，「${words.slice(0, 40).join('')}${words.length > 40 ? '…' : ''}」` : ''}`;
        await this.notifications.notify(manager, 'review_received', [{ type: 'escort', id: order.escortId }], { orderNo: order.orderNo, detail }, orderId);
      }
      return reviewId;
    });
    await this.notifications.flush().catch(() => undefined);
    return this.customerView(await this.reviews.findOneByOrFail({ id }));
  }

  /** 追评: appended, never replacing what was written. */
  async append(customerId: number, reviewId: number, input: { content: string; photos?: string[] }) {
    await this.tx.run(async manager => {
      const r = await manager.getRepository(Review).findOne({ where: { id: reviewId } });
      if (!r || r.customerId !== customerId) throw Errors.notFound('评价');
      const count = await manager.getRepository(ReviewAppend).count({ where: { reviewId } });
      if (count >= MAX_APPENDS) throw Errors.rule('REVIEW_APPEND_LIMIT', `每条评价最多追加 ${MAX_APPENDS} 次`);
      await manager.getRepository(ReviewAppend).insert({ reviewId, content: input.content, photos: input.photos ?? [] });
    });
    return this.customerView(await this.reviews.findOneByOrFail({ id: reviewId }));
  }

  async listMine(customerId: number, q: PageQuery) {
    const [rows, total] = await this.reviews.findAndCount({ where: { customerId }, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return toPage(await Promise.all(rows.map(r => this.customerView(r))), total, q);
  }

  async mineForOrder(customerId: number, orderId: number) {
    const r = await this.reviews.findOne({ where: { orderId, customerId } });
    return r ? this.customerView(r) : null;
  }

  /** Visible reviews of an escort, for customers choosing one (no login needed). */
  async publicForEscort(escortId: number, q: PageQuery) {
    const [rows, total] = await this.reviews.findAndCount({ where: { escortId, status: 'visible' }, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const stat = await this.stats.findOne({ where: { subjectType: 'escort', subjectId: escortId } });
    const views = await this.publicViews(rows);
    return { ...toPage(views, total, q), summary: summarise(stat) };
  }

  // ---------------------------------------------------------------- escort

  async listForEscort(escortId: number, q: PageQuery) {
    const [rows, total] = await this.reviews.findAndCount({ where: { escortId, status: 'visible' }, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    const stat = await this.stats.findOne({ where: { subjectType: 'escort', subjectId: escortId } });
    return { ...toPage(await this.publicViews(rows), total, q), summary: summarise(stat) };
  }

  /** The escort answers once: the update only applies while escort_reply is still empty. */
  async escortReply(escortId: number, reviewId: number, content: string, now = new Date()) {
    const r = await this.reviews.findOne({ where: { id: reviewId } });
    if (!r || r.escortId !== escortId || r.status !== 'visible') throw Errors.notFound('评价');
    const res = await this.reviews
      .createQueryBuilder()
      .update(Review)
      .set({ escortReply: content, escortReplyAt: now })
      .where('id = :id AND escort_reply IS NULL', { id: reviewId })
      .execute();
    if (!res.affected) throw Errors.conflict('REVIEW_ALREADY_REPLIED', '每条评价只能回复一次');
    return (await this.publicViews([await this.reviews.findOneByOrFail({ id: reviewId })]))[0];
  }

  // ---------------------------------------------------------------- staff

  async listForStaff(q: StaffReviewQuery, cityIds: number[] | null) {
    const where: FindOptionsWhere<Review> = {};
    if (q.status) where.status = q.status;
    if (q.escortId) where.escortId = q.escortId;
    if (q.hospitalId) where.hospitalId = q.hospitalId;
    if (q.maxOverall) where.overall = LessThanOrEqual(q.maxOverall);
    if (q.orderNo) where.orderNo = q.orderNo.trim();
    if (cityIds) where.cityId = In(cityIds.length ? cityIds : [0]);
    const [rows, total] = await this.reviews.findAndCount({ where, order: { id: 'DESC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return toPage(await this.staffViews(rows), total, q);
  }

  async detailForStaff(id: number, cityIds: number[] | null) {
    const r = await this.mustSee(id, cityIds);
    return (await this.staffViews([r]))[0];
  }

  /**
   * Hides a review (abuse, personal data…): it leaves the public lists and the statistics. With
   * `penalizeCustomer`, an abusive review also costs the customer credit (abusive_report).
   */
  async hide(ctx: AuditContext, id: number, cityIds: number[] | null, input: { reason: HideReason; note?: string; penalizeCustomer?: boolean }, now = new Date()) {
    const by = ctx.principal?.displayName ?? 'staff';
    await this.tx.run(async manager => {
      const r = await this.lockSeen(manager, id, cityIds);
      const res = await manager
        .createQueryBuilder()
        .update(Review)
        .set({ status: 'hidden', hiddenReason: input.reason, hiddenNote: (input.note ?? '').slice(0, 255), hiddenBy: by.slice(0, 64), hiddenAt: now })
        .where('id = :id AND status = :visible', { id, visible: 'visible' })
        .execute();
      if (!res.affected) throw Errors.conflict('REVIEW_ALREADY_HIDDEN', '该评价已隐藏');
      await this.count(manager, r, -1);
      if (input.penalizeCustomer) {
        await this.credit.recordIn(
          manager,
          r.customerId,
          { kind: 'abusive_report', orderId: r.orderId, sourceKey: `review_abuse:${r.id}`, reason: `评价被隐藏：${HIDE_REASON_LABELS[input.reason]}` },
          { type: 'staff', id: ctx.principal?.userId ?? null, name: by }
        );
      }
      await this.audit.record(ctx, { action: 'review.hide', targetType: 'review', targetId: id, before: { status: 'visible' }, after: { status: 'hidden', reason: input.reason, note: input.note ?? '', penalizeCustomer: Boolean(input.penalizeCustomer) } }, manager);
    });
    return this.detailForStaff(id, cityIds);
  }

  async restore(ctx: AuditContext, id: number, cityIds: number[] | null) {
    await this.tx.run(async manager => {
      const r = await this.lockSeen(manager, id, cityIds);
      const res = await manager
        .createQueryBuilder()
        .update(Review)
        .set({ status: 'visible', hiddenReason: null, hiddenNote: '', hiddenBy: '', hiddenAt: null })
        .where('id = :id AND status = :hidden', { id, hidden: 'hidden' })
        .execute();
      if (!res.affected) throw Errors.conflict('REVIEW_NOT_HIDDEN', '该评价未隐藏');
      await this.count(manager, r, 1);
      await this.audit.record(ctx, { action: 'review.restore', targetType: 'review', targetId: id, before: { status: 'hidden', reason: r.hiddenReason }, after: { status: 'visible' } }, manager);
    });
    return this.detailForStaff(id, cityIds);
  }

  /** The platform's reply, shown under the review; replacing it is audited with the old text. */
  async staffReply(ctx: AuditContext, id: number, cityIds: number[] | null, content: string, now = new Date()) {
    const by = ctx.principal?.displayName ?? 'staff';
    await this.tx.run(async manager => {
      const r = await this.lockSeen(manager, id, cityIds);
      await manager.getRepository(Review).update({ id }, { staffReply: content, staffReplyBy: by.slice(0, 64), staffReplyAt: now });
      await this.audit.record(ctx, { action: 'review.reply', targetType: 'review', targetId: id, before: { staffReply: r.staffReply }, after: { staffReply: content } }, manager);
    });
    return this.detailForStaff(id, cityIds);
  }

  // ---------------------------------------------------------------- statistics

  async escortSummary(escortId: number): Promise<StatSummary> {
    return summarise(await this.stats.findOne({ where: { subjectType: 'escort', subjectId: escortId } }));
  }

  async hospitalSummary(hospitalId: number): Promise<StatSummary> {
    return summarise(await this.stats.findOne({ where: { subjectType: 'hospital', subjectId: hospitalId } }));
  }

  /** Hospitals by their patients' ratings (cleanliness, staff attitude, signage). */
  async hospitalRanking(cityIds: number[] | null) {
    const rows = await this.stats.find({ where: { subjectType: 'hospital' } });
    const hospitals = await this.hospitals.hospitals.find({ where: { id: In(rows.length ? rows.map(r => r.subjectId) : [0]) }, select: { id: true, name: true, cityId: true } });
    const byId = new Map(hospitals.map(h => [h.id, h]));
    return rows
      .filter(r => byId.has(r.subjectId) && (!cityIds || cityIds.includes(byId.get(r.subjectId)!.cityId)))
      .map(r => ({ hospitalId: r.subjectId, hospitalName: byId.get(r.subjectId)!.name, cityId: byId.get(r.subjectId)!.cityId, ...summarise(r) }))
      .sort((a, b) => (b.overall ?? 0) - (a.overall ?? 0) || b.reviewCount - a.reviewCount);
  }

  /**
   * Escort performance over the last `days`: orders served (all time and in the period), ratings
   * (all time), complaints, late starts and declines in the period, and the ranking score.
   */
  async performance(q: { days: number; cityId?: number; sortBy?: 'score' | 'overall' | 'complaints' | 'served' }, cityIds: number[] | null, now = new Date()) {
    const since = new Date(now.getTime() - q.days * 86_400_000);
    const scope = q.cityId ? (cityIds && !cityIds.includes(q.cityId) ? [] : [q.cityId]) : cityIds;
    const where: FindOptionsWhere<any> = { status: In(['active', 'suspended']) };
    if (scope) where.cityId = In(scope.length ? scope : [0]);
    const escorts = await this.escorts.escorts.find({ where, select: { id: true, name: true, cityId: true, level: true, ordersServed: true, status: true } });
    const ids = escorts.map(e => e.id);
    const lateMinutes = 15;
    const [stats, complaints, facts] = await Promise.all([
      this.stats.find({ where: { subjectType: 'escort', subjectId: In(ids.length ? ids : [0]) } }),
      this.tickets.complaintCounts(since),
      this.orderQuery.escortPerformanceFacts(since, lateMinutes, scope),
    ]);
    const statOf = new Map(stats.map(s => [s.subjectId, s]));
    const rows = escorts.map(e => {
      const f = facts.get(e.id) ?? { completed: 0, late: 0, declined: 0 };
      const summary = summarise(statOf.get(e.id));
      const parts = { ordersServed: e.ordersServed, summary, complaints: complaints.get(e.id) ?? 0, late: f.late, declined: f.declined };
      return {
        escortId: e.id,
        escortName: e.name,
        cityId: e.cityId,
        level: e.level,
        status: e.status,
        ordersServed: e.ordersServed,
        completedInPeriod: f.completed,
        ...summary,
        complaints: parts.complaints,
        late: f.late,
        declined: f.declined,
        score: performanceScore(parts, f.completed),
      };
    });
    const key = q.sortBy ?? 'score';
    const sorters: Record<string, (a: (typeof rows)[number], b: (typeof rows)[number]) => number> = {
      score: (a, b) => b.score - a.score,
      overall: (a, b) => (b.overall ?? 0) - (a.overall ?? 0),
      complaints: (a, b) => b.complaints - a.complaints,
      served: (a, b) => b.ordersServed - a.ordersServed,
    };
    rows.sort((a, b) => sorters[key](a, b) || a.escortId - b.escortId);
    return rows.map((r, i) => ({ rank: i + 1, ...r }));
  }

  /** One escort's ratings with the monthly trend over the last `months`. */
  async escortPerformanceDetail(escortId: number, cityIds: number[] | null, months = 6, now = new Date()) {
    const escort = await this.escorts.mustFindInScope(escortId, cityIds);
    const since = new Date(now.getTime() - months * 31 * 86_400_000);
    const recent = await this.reviews.find({ where: { escortId, status: 'visible', createdAt: MoreThanOrEqual(since) }, select: { overall: true, createdAt: true } });
    const low = await this.reviews.find({ where: { escortId, overall: LessThanOrEqual(2) }, order: { id: 'DESC' }, take: 5 });
    return { escortId, escortName: escort.name, summary: await this.escortSummary(escortId), trend: monthlyTrend(recent), recentLowReviews: await this.staffViews(low) };
  }

  // ---------------------------------------------------------------- internals

  /** Adds (sign 1) or removes (sign -1) a review from its escort's and hospital's sums, and the escort's rating. */
  private async count(manager: EntityManager, r: Review, sign: 1 | -1) {
    if (r.escortId) {
      await this.bump(manager, 'escort', r.escortId, escortDelta(r, sign));
      if (sign === 1) await this.escorts.recordRating(manager, r.escortId, r.overall);
      else await this.escorts.withdrawRating(manager, r.escortId, r.overall);
    }
    if (r.hospitalId && r.hospitalCleanliness && r.hospitalStaffAttitude && r.hospitalSignage) {
      await this.bump(manager, 'hospital', r.hospitalId, hospitalDelta({ cleanliness: r.hospitalCleanliness, staffAttitude: r.hospitalStaffAttitude, signage: r.hospitalSignage }, sign));
    }
  }

  /** Atomic increments (`col = col + n`), so concurrent reviews of one escort never lose a count. */
  private async bump(manager: EntityManager, subjectType: StatSubject, subjectId: number, d: StatSums) {
    const repo = manager.getRepository(ReviewStat);
    if (!(await repo.findOne({ where: { subjectType, subjectId }, select: { id: true } }))) {
      try {
        await repo.insert({ subjectType, subjectId });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    const set: Record<string, () => string> = {};
    for (const k of STAT_COLUMNS) if (d[k] !== 0) set[k] = () => `${COLUMN_NAMES[k]} + (${Math.trunc(d[k])})`;
    await manager.createQueryBuilder().update(ReviewStat).set(set as any).where('subject_type = :subjectType AND subject_id = :subjectId', { subjectType, subjectId }).execute();
  }

  private async mustSee(id: number, cityIds: number[] | null): Promise<Review> {
    const r = await this.reviews.findOne({ where: { id } });
    if (!r) throw Errors.notFound('评价');
    if (cityIds && !cityIds.includes(r.cityId)) throw Errors.cityScope();
    return r;
  }

  private async lockSeen(manager: EntityManager, id: number, cityIds: number[] | null): Promise<Review> {
    const r = await manager.getRepository(Review).findOne({ where: { id }, lock: this.tx.lockMode.mode ? { mode: 'pessimistic_write' } : undefined });
    if (!r) throw Errors.notFound('评价');
    if (cityIds && !cityIds.includes(r.cityId)) throw Errors.cityScope();
    return r;
  }

  private async appendsOf(ids: number[]) {
    const rows = ids.length ? await this.appends.find({ where: { reviewId: In(ids) }, order: { id: 'ASC' } }) : [];
    const map = new Map<number, { id: number; content: string; photos: string[]; createdAt: Date }[]>();
    for (const a of rows) map.set(a.reviewId, [...(map.get(a.reviewId) ?? []), { id: a.id, content: a.content, photos: a.photos, createdAt: a.createdAt }]);
    return map;
  }

  private base(r: Review) {
    return {
      id: r.id,
      orderId: r.orderId,
      serviceName: r.serviceName,
      overall: r.overall,
      attitude: r.attitude,
      professionalism: r.professionalism,
      communication: r.communication,
      punctuality: r.punctuality,
      hospital: r.hospitalCleanliness ? { cleanliness: r.hospitalCleanliness, staffAttitude: r.hospitalStaffAttitude, signage: r.hospitalSignage } : null,
      tags: r.tags,
      content: r.content,
      photos: r.photos,
      anonymous: r.anonymous,
      staffReply: r.staffReply,
      staffReplyAt: r.staffReplyAt,
      escortReply: r.escortReply,
      escortReplyAt: r.escortReplyAt,
      createdAt: r.createdAt,
    };
  }

  private async customerView(r: Review) {
    const appends = await this.appendsOf([r.id]);
    return { ...this.base(r), orderNo: r.orderNo, status: r.status, appends: appends.get(r.id) ?? [], canAppend: (appends.get(r.id)?.length ?? 0) < MAX_APPENDS };
  }

  private async publicViews(rows: Review[]) {
    const appends = await this.appendsOf(rows.map(r => r.id));
    const nicknames = await this.nicknames(rows.filter(r => !r.anonymous).map(r => r.customerId));
    return rows.map(r => ({ ...this.base(r), reviewerName: reviewerName(r, nicknames.get(r.customerId)), appends: appends.get(r.id) ?? [] }));
  }

  private async staffViews(rows: Review[]) {
    const appends = await this.appendsOf(rows.map(r => r.id));
    const escortNames = await this.escorts.nameMap(rows.map(r => r.escortId).filter((x): x is number => x !== null));
    const phones = await this.customers.maskedPhones(rows.map(r => r.customerId));
    const hospitalIds = [...new Set(rows.map(r => r.hospitalId).filter((x): x is number => x !== null))];
    const hospitals = hospitalIds.length ? await this.hospitals.hospitals.find({ where: { id: In(hospitalIds) }, select: { id: true, name: true } }) : [];
    const hospitalNames = new Map(hospitals.map(h => [h.id, h.name]));
    const tickets = rows.length ? await Promise.all(rows.map(r => this.tickets.forReview(r.id))) : [];
    return rows.map((r, i) => ({
      ...this.base(r),
      orderNo: r.orderNo,
      customerId: r.customerId,
      customerPhoneMasked: phones.get(r.customerId) ?? '',
      escortId: r.escortId,
      escortName: r.escortId ? escortNames.get(r.escortId) ?? '' : '',
      hospitalId: r.hospitalId,
      hospitalName: r.hospitalId ? hospitalNames.get(r.hospitalId) ?? '' : '',
      cityId: r.cityId,
      status: r.status,
      hiddenReason: r.hiddenReason,
      hiddenReasonLabel: r.hiddenReason ? HIDE_REASON_LABELS[r.hiddenReason] : null,
      hiddenNote: r.hiddenNote,
      hiddenBy: r.hiddenBy,
      hiddenAt: r.hiddenAt,
      staffReplyBy: r.staffReplyBy,
      followUpTicketId: tickets[i]?.id ?? null,
      appends: appends.get(r.id) ?? [],
    }));
  }

  private async nicknames(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.customers.customers.find({ where: { id: In([...new Set(ids)]) }, select: { id: true, nickname: true } });
    return new Map(rows.map(c => [c.id, c.nickname]));
  }
}
