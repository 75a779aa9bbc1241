import { Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { NotificationService } from './notification.service';
import { InboxQueryDTO } from './dto/inbox.dto';
import { Audience } from '../../common/auth/access.decorator';
import { principalOf } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

/** The staff's inbox. */
@ApiTags('admin-notifications')
@Audience('staff')
@Controller('/api/admin')
export class AdminNotificationController {
  @Inject()
  ctx: Context;

  @Inject()
  notifications: NotificationService;

  private get me() {
    return { type: 'staff' as const, id: principalOf(this.ctx).userId };
  }

  @Get('/notifications', { summary: '我的消息' })
  async list(@Query() q: InboxQueryDTO) {
    return this.notifications.inbox(this.me, q);
  }

  @Get('/notifications/unread-count', { summary: '未读消息数' })
  async unread() {
    return this.notifications.unreadCount(this.me);
  }

  @Post('/notifications/:id/read', { summary: '标记已读' })
  async read(@Param('id') id: string) {
    return this.notifications.markRead(this.me, parseId(id));
  }

  @Post('/notifications/read-all', { summary: '全部标记已读' })
  async readAll() {
    return this.notifications.markAllRead(this.me);
  }
}
