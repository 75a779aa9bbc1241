import { Body, Controller, Get, Inject, Post } from '@midwayjs/core';
import { Context } from '@midwayjs/koa';
import { ApiTags } from '@midwayjs/swagger';
import { AuthService } from './auth.service';
import { StaffLoginDTO } from './dto/auth.dto';
import { Audience, Public } from '../../common/auth/access.decorator';
import { clientMeta, principalOf } from '../../common/auth/request-context';
import { StaffUserService } from '../users/staff-user.service';
import { Errors } from '../../common/errors';

@ApiTags('admin-auth')
@Audience('staff')
@Controller('/api/admin/auth')
export class AdminAuthController {
  @Inject()
  ctx: Context;

  @Inject()
  auth: AuthService;

  @Inject()
  staffUsers: StaffUserService;

  @Public()
  @Post('/login', { summary: '员工登录（用户名 + 密码）' })
  async login(@Body() body: StaffLoginDTO) {
    return this.auth.staffLogin(body.username, body.password, clientMeta(this.ctx));
  }

  @Get('/me', { summary: '当前员工信息与权限' })
  async me() {
    const user = await this.staffUsers.findActive(principalOf(this.ctx).userId);
    if (!user) throw Errors.tokenInvalid();
    return this.staffUsers.profileOf(user);
  }
}
