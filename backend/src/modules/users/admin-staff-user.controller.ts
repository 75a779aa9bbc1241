import { Body, Controller, Get, Inject, Param, Post, Put, Query } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { StaffUserService } from './staff-user.service';
import { CreateStaffUserDTO, ResetPasswordDTO, StaffUserQueryDTO, UpdateStaffUserDTO } from './dto/staff-user.dto';
import { STAFF_ROLES } from './roles';
import { Audience, RequirePermission } from '../../common/auth/access.decorator';
import { auditContext } from '../../common/auth/request-context';
import { parseId } from '../../common/params';

@ApiTags('admin-staff')
@Audience('staff')
@Controller('/api/admin')
export class AdminStaffUserController {
  @Inject()
  ctx: Context;

  @Inject()
  staffUsers: StaffUserService;

  @Get('/roles', { summary: '角色与权限' })
  @RequirePermission('staff:read')
  async roles() {
    return Object.entries(STAFF_ROLES).map(([code, r]) => ({ code, name: r.name, permissions: r.permissions }));
  }

  @Get('/staff-users', { summary: '员工账号列表' })
  @RequirePermission('staff:read')
  async list(@Query() q: StaffUserQueryDTO) {
    return this.staffUsers.list(q);
  }

  @Post('/staff-users', { summary: '创建员工账号' })
  @RequirePermission('staff:write')
  async create(@Body() body: CreateStaffUserDTO) {
    return this.staffUsers.create(auditContext(this.ctx), body);
  }

  @Put('/staff-users/:id', { summary: '修改员工姓名、角色与城市' })
  @RequirePermission('staff:write')
  async update(@Param('id') id: string, @Body() body: UpdateStaffUserDTO) {
    return this.staffUsers.update(auditContext(this.ctx), parseId(id), body);
  }

  @Post('/staff-users/:id/disable', { summary: '停用员工账号' })
  @RequirePermission('staff:write')
  async disable(@Param('id') id: string) {
    return this.staffUsers.setStatus(auditContext(this.ctx), parseId(id), 'disabled');
  }

  @Post('/staff-users/:id/enable', { summary: '启用员工账号' })
  @RequirePermission('staff:write')
  async enable(@Param('id') id: string) {
    return this.staffUsers.setStatus(auditContext(this.ctx), parseId(id), 'active');
  }

  @Post('/staff-users/:id/unlock', { summary: '解除登录锁定' })
  @RequirePermission('staff:write')
  async unlock(@Param('id') id: string) {
    return this.staffUsers.unlock(auditContext(this.ctx), parseId(id));
  }

  @Post('/staff-users/:id/reset-password', { summary: '重置密码' })
  @RequirePermission('staff:write')
  async resetPassword(@Param('id') id: string, @Body() body: ResetPasswordDTO) {
    await this.staffUsers.resetPassword(auditContext(this.ctx), parseId(id), body.newPassword);
    return { ok: true };
  }
}
