import { Body, Controller, Get, Inject, Param, Post, Put, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiOkResponse, ApiTags } from '@midwayjs/swagger';
import { KnowledgeService } from './knowledge.service';
import { ArticleDetail, ArticleInputDTO, ArticlePage, ArticleQueryDTO, ArticleVersionView, CategoryInputDTO, FromTicketDTO, KbCategoryView } from './dto/knowledge.dto';
import { actorOf } from '../orders/order.service';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext, principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** The knowledge-base editor: categories, articles with versions, publishing, search, articles from tickets. */
@ApiTags('admin-knowledge')
@Audience('staff')
@Controller('/api/admin/knowledge')
export class AdminKnowledgeController {
  @Inject()
  ctx: Context;

  @Inject()
  kb: KnowledgeService;

  @Get('/categories', { summary: '知识库分类' })
  @RequirePermission('knowledge:read')
  @ApiOkResponse({ type: [KbCategoryView] })
  async categories() {
    return this.kb.listCategories();
  }

  @Post('/categories', { summary: '新建分类' })
  @RequirePermission('knowledge:write')
  @ApiOkResponse({ type: KbCategoryView })
  async createCategory(@Body() body: CategoryInputDTO) {
    return this.kb.createCategory(auditContext(this.ctx), body);
  }

  @Get('/articles', { summary: '文章列表与搜索（中文子串，按相关度排序）' })
  @RequirePermission('knowledge:read')
  @ApiOkResponse({ type: ArticlePage })
  async list(@Query() q: ArticleQueryDTO) {
    return this.kb.listForStaff(q);
  }

  @Post('/articles', { summary: '新建文章（草稿）' })
  @RequirePermission('knowledge:write')
  @ApiOkResponse({ type: ArticleDetail })
  async create(@Body() body: ArticleInputDTO) {
    return this.kb.create(auditContext(this.ctx), body);
  }

  @Post('/articles/from-ticket', { summary: '把工单的问题与回复整理成文章草稿' })
  @RequirePermission('knowledge:write', 'ticket:read')
  @ApiOkResponse({ type: ArticleDetail })
  async fromTicket(@Body() body: FromTicketDTO) {
    return this.kb.fromTicket(auditContext(this.ctx), body.ticketId, actorOf(principalOf(this.ctx)), body.categoryId);
  }

  @Get('/articles/:id', { summary: '文章详情（Markdown 原文与版本列表）' })
  @RequirePermission('knowledge:read')
  @ApiOkResponse({ type: ArticleDetail })
  async detail(@Param('id') id: string) {
    return this.kb.detailForStaff(parseId(id));
  }

  @Put('/articles/:id', { summary: '保存文章（生成新版本）' })
  @RequirePermission('knowledge:write')
  @ApiOkResponse({ type: ArticleDetail })
  async update(@Param('id') id: string, @Body() body: ArticleInputDTO) {
    return this.kb.update(auditContext(this.ctx), parseId(id), body);
  }

  @Post('/articles/:id/publish', { summary: '发布' })
  @RequirePermission('knowledge:write')
  @ApiOkResponse({ type: ArticleDetail })
  async publish(@Param('id') id: string) {
    return this.kb.setStatus(auditContext(this.ctx), parseId(id), 'published');
  }

  @Post('/articles/:id/unpublish', { summary: '撤回为草稿' })
  @RequirePermission('knowledge:write')
  @ApiOkResponse({ type: ArticleDetail })
  async unpublish(@Param('id') id: string) {
    return this.kb.setStatus(auditContext(this.ctx), parseId(id), 'draft');
  }

  @Post('/articles/:id/archive', { summary: '下线' })
  @RequirePermission('knowledge:write')
  @ApiOkResponse({ type: ArticleDetail })
  async archive(@Param('id') id: string) {
    return this.kb.setStatus(auditContext(this.ctx), parseId(id), 'archived');
  }

  @Get('/articles/:id/versions/:version', { summary: '查看某个历史版本' })
  @RequirePermission('knowledge:read')
  @ApiOkResponse({ type: ArticleVersionView })
  async version(@Param('id') id: string, @Param('version') version: string) {
    return this.kb.versionBody(parseId(id), parseId(version));
  }

  @Post('/articles/:id/versions/:version/restore', { summary: '恢复某个历史版本（作为新版本保存）' })
  @RequirePermission('knowledge:write')
  @ApiOkResponse({ type: ArticleDetail })
  async restore(@Param('id') id: string, @Param('version') version: string) {
    return this.kb.restoreVersion(auditContext(this.ctx), parseId(id), parseId(version));
  }
}
