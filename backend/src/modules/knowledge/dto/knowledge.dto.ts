import { Rule, RuleType } from '@midwayjs/validate';
import { ApiProperty } from '@midwayjs/swagger';
import { PageQueryDTO, zhMessages } from '../../../common/dto';
import { KB_AUDIENCES, KB_STATUSES } from '../kb-article.entity';

const text = (max: number, label: string) =>
  RuleType.string()
    .trim()
    .min(1)
    .max(max)
    .required()
    .messages(zhMessages({ 'string.empty': `请填写${label}`, 'any.required': `请填写${label}`, 'string.max': `${label}最多 ${max} 个字` }));

export class ArticleInputDTO {
  @ApiProperty({ required: false, nullable: true, type: Number })
  @Rule(RuleType.number().integer().min(1).allow(null))
  categoryId?: number | null;

  @ApiProperty({ enum: KB_AUDIENCES, description: 'customer = 帮助中心；staff = 内部；escort = 陪诊师培训' })
  @Rule(RuleType.string().valid(...KB_AUDIENCES).required().messages(zhMessages({ 'any.required': '请选择读者', 'any.only': '请选择读者' })))
  audience: 'customer' | 'staff' | 'escort';

  @ApiProperty()
  @Rule(text(100, '标题'))
  title: string;

  @ApiProperty({ required: false, description: '摘要（不填取正文开头）' })
  @Rule(RuleType.string().trim().max(255).allow(''))
  summary?: string;

  @ApiProperty({ description: '正文（Markdown，展示时安全渲染，HTML 不会执行）' })
  @Rule(text(50_000, '正文'))
  body: string;

  @ApiProperty({ required: false, type: [String] })
  @Rule(RuleType.array().items(RuleType.string().trim().min(1).max(16)).max(10).unique())
  tags?: string[];

  @ApiProperty({ required: false, description: '在帮助中心「常见问题」中展示' })
  @Rule(RuleType.boolean())
  isFaq?: boolean;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(0).max(10_000))
  sortOrder?: number;
}

export class ArticleQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, description: '关键字（标题、标签、正文，中文子串）' })
  @Rule(RuleType.string().max(32).allow(''))
  keyword?: string;

  @ApiProperty({ required: false, enum: KB_AUDIENCES })
  @Rule(RuleType.string().valid(...KB_AUDIENCES))
  audience?: 'customer' | 'staff' | 'escort';

  @ApiProperty({ required: false, enum: KB_STATUSES })
  @Rule(RuleType.string().valid(...KB_STATUSES))
  status?: 'draft' | 'published' | 'archived';

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  categoryId?: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.boolean())
  faq?: boolean;
}

export class HelpQueryDTO extends PageQueryDTO {
  @ApiProperty({ required: false, description: '关键字（中文子串）' })
  @Rule(RuleType.string().max(32).allow(''))
  keyword?: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  categoryId?: number;
}

export class CategoryInputDTO {
  @ApiProperty()
  @Rule(text(32, '分类名称'))
  name: string;

  @ApiProperty({ enum: KB_AUDIENCES })
  @Rule(RuleType.string().valid(...KB_AUDIENCES).required())
  audience: 'customer' | 'staff' | 'escort';

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(0).max(10_000))
  sortOrder?: number;
}

export class FromTicketDTO {
  @ApiProperty()
  @Rule(RuleType.number().integer().min(1).required())
  ticketId: number;

  @ApiProperty({ required: false })
  @Rule(RuleType.number().integer().min(1))
  categoryId?: number;
}

export class VoteDTO {
  @ApiProperty({ description: 'true = 有帮助' })
  @Rule(RuleType.boolean().required())
  helpful: boolean;
}

// ---------------------------------------------------------------- responses

export class KbCategoryView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: KB_AUDIENCES }) audience: string;
  @ApiProperty() sortOrder: number;
}

export class ArticleSummaryView {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: Number }) categoryId: number | null;
  @ApiProperty() categoryName: string;
  @ApiProperty({ enum: KB_AUDIENCES }) audience: string;
  @ApiProperty({ enum: KB_STATUSES }) status: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() isFaq: boolean;
  @ApiProperty() version: number;
  @ApiProperty() viewCount: number;
  @ApiProperty() helpfulCount: number;
  @ApiProperty() notHelpfulCount: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt: Date | null;
  @ApiProperty() updatedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class ArticlePage {
  @ApiProperty({ type: [ArticleSummaryView] }) list: ArticleSummaryView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ArticleVersionBrief {
  @ApiProperty() id: number;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty() savedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class ArticleDetail extends ArticleSummaryView {
  @ApiProperty({ description: 'Markdown 原文' }) body: string;
  @ApiProperty({ nullable: true, type: Number }) sourceTicketId: number | null;
  @ApiProperty() sortOrder: number;
  @ApiProperty({ type: [ArticleVersionBrief] }) versions: ArticleVersionBrief[];
}

export class ArticleVersionView {
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() status: string;
  @ApiProperty() savedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}
