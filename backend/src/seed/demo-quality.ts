import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import { Customer } from '../modules/users/customer.entity';
import { Order } from '../modules/orders/order.entity';
import { CipherService } from '../common/crypto/cipher.service';
import { KnowledgeService } from '../modules/knowledge/knowledge.service';
import type { KbAudience } from '../modules/knowledge/kb-article.entity';
import { ReviewService } from '../modules/reviews/review.service';
import { TicketService } from '../modules/tickets/ticket.service';
import type { AuditContext } from '../modules/audit/audit.service';

const SEEDER: AuditContext = {};

/** Help center, staff and training articles: [category index, title, FAQ?, body]. */
const CATEGORIES: Array<{ name: string; audience: KbAudience }> = [
  { name: '常见问题', audience: 'customer' },
  { name: '条款与隐私', audience: 'customer' },
  { name: '客服手册', audience: 'staff' },
  { name: '陪诊师培训', audience: 'escort' },
];

const ARTICLES: Array<{ category: number; title: string; faq: boolean; tags: string[]; body: string }> = [
  {
    category: 0,
    title: '如何预约陪诊服务',
    faq: true,
    tags: ['预约', '下单'],
    body: '## 预约步骤\n\n1. 在首页选择服务（门诊陪诊、检查陪诊、住院陪护、代办）\n2. 选择城市、医院和就诊时间\n3. 选择就诊人，可指定陪诊师\n4. 确认价格后提交订单并在 **15 分钟内** 完成支付\n\n> 可预约今天起 3 天内的时段，开始前至少 1 小时下单。',
  },
  {
    category: 0,
    title: '如何支付订单',
    faq: true,
    tags: ['支付', '微信支付'],
    body: '提交订单后点击「立即支付」，使用**微信支付**完成付款。\n\n- 超过支付时限未支付，订单会自动关闭\n- 支付成功后可在订单详情查看陪诊师安排进度',
  },
  {
    category: 0,
    title: '如何取消订单，退款多久到账',
    faq: true,
    tags: ['取消', '退款'],
    body: '## 取消规则\n\n- 未支付订单可随时取消\n- 开始前 24 小时以上取消：全额退款\n- 开始前 2-24 小时取消：收取 20% 违约金\n- 开始前 2 小时内取消：收取 50% 违约金\n\n退款原路返回，一般 1-3 个工作日到账。',
  },
  {
    category: 0,
    title: '如何评价服务',
    faq: true,
    tags: ['评价'],
    body: '服务完成后，在订单详情点击「评价」，为陪诊师的服务态度、专业程度、沟通和守时打分，也可以为医院环境打分。\n\n评价提交后不能修改，但可以**追加评价**（最多 3 次）。',
  },
  {
    category: 1,
    title: '用户服务协议',
    faq: false,
    tags: ['条款'],
    body: '# 用户服务协议\n\n本平台为您提供就医陪诊、检查陪同、住院陪护与同城代办服务的预约。陪诊师不提供任何医疗诊断或治疗建议。\n\n## 费用与取消\n\n费用以下单时显示的价格为准，取消规则见《如何取消订单》。\n\n## 信用\n\n多次爽约、恶意评价或提供虚假信息将影响您的信用分，信用分过低时预约会受到限制。',
  },
  {
    category: 1,
    title: '隐私政策',
    faq: false,
    tags: ['隐私', '个人信息'],
    body: '# 隐私政策\n\n我们收集您的手机号、就诊人信息（含健康信息）用于安排服务。身份证号、手机号、健康信息**加密存储**，陪诊师仅在服务期间可见就诊人必要的健康信息。\n\n您可以随时在「就诊人管理」中修改或删除信息。',
  },
  {
    category: 2,
    title: '投诉处理流程与赔偿标准',
    faq: false,
    tags: ['投诉', '赔偿', 'SLA'],
    body: '## 响应时限\n\n- 紧急：1 小时内首次响应\n- 高（服务投诉）：4 小时\n- 普通：24 小时\n\n## 赔偿参考\n\n- 陪诊师迟到 30 分钟以上：赔偿订单金额 10%-20%\n- 服务态度投诉属实：赔偿并对陪诊师处罚，结算时扣除\n\n赔偿通过原支付渠道退款，超过审批阈值需财务审批。',
  },
  {
    category: 3,
    title: '陪诊服务规范',
    faq: false,
    tags: ['规范', '培训'],
    body: '## 服务前\n\n- 提前一天与客户确认时间、医院、集合点\n- 提前 15 分钟到达集合点\n\n## 服务中\n\n- 协助取号、候诊、缴费、取报告\n- 不提供医疗建议，不替患者做医疗决定\n\n## 服务后\n\n- 向客户出示核销码流程，完成核销',
  },
  {
    category: 3,
    title: '与老年患者沟通的技巧',
    faq: false,
    tags: ['沟通', '培训'],
    body: '- 语速放慢，一次只说一件事\n- 重要信息（复诊时间、用药）写在纸上交给家属\n- 遇到情绪激动的患者，先安抚再处理事务',
  },
];

/**
 * Demo content for the quality features: categories and articles (published), a review of the
 * completed demo order and two tickets. Through the modules' services, after the demo orders.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DemoQualitySeeder {
  @InjectDataSource()
  dataSource: DataSource;

  @Inject()
  cipher: CipherService;

  @Inject()
  knowledge: KnowledgeService;

  @Inject()
  reviews: ReviewService;

  @Inject()
  tickets: TicketService;

  @Logger()
  logger: ILogger;

  async seed(): Promise<void> {
    const categoryIds: number[] = [];
    for (const c of CATEGORIES) categoryIds.push((await this.knowledge.createCategory(SEEDER, { ...c, sortOrder: categoryIds.length })).id);
    for (const [i, a] of ARTICLES.entries()) {
      const created = await this.knowledge.create(SEEDER, { categoryId: categoryIds[a.category], audience: CATEGORIES[a.category].audience, title: a.title, body: a.body, tags: a.tags, isFaq: a.faq, sortOrder: i });
      await this.knowledge.setStatus(SEEDER, created.id, 'published');
    }
    const customer = await this.dataSource.getRepository(Customer).findOneBy({ phoneHash: this.cipher.phoneIndex('13800000001') });
    if (!customer) return;
    const done = await this.dataSource.getRepository(Order).findOne({ where: { customerId: customer.id, status: 'completed' }, order: { id: 'ASC' } });
    if (done) {
      await this.reviews.create(customer.id, done.id, {
        overall: 5,
        attitude: 5,
        professionalism: 5,
        communication: 4,
        punctuality: 5,
        tags: ['耐心细致', '准时'],
        content: '李老师提前到了医院，帮老人取号、排队、取报告，全程很耐心。',
      });
    }
    const actor = { type: 'customer' as const, id: customer.id, name: '客户' };
    await this.tickets.open(actor, { type: 'app_problem', title: '发票在哪里申请', content: '服务完成了，想开电子发票报销，找不到入口。' });
    await this.tickets.open(actor, { type: 'suggestion', title: '希望增加夜间陪护', content: '家里老人住院，晚上也需要有人陪护，希望可以预约夜间时段。' });
    this.logger.info('[seed] quality demo data: %d articles, reviews and tickets', ARTICLES.length);
  }
}
