import { Body, Controller, Inject, Post } from '@midwayjs/core';
import { ApiTags } from '@midwayjs/swagger';
import { AuthService } from './auth.service';
import { Public } from '../../common/auth/access.decorator';
import { RefreshTokenDTO } from '../../common/dto';

/** Token refresh and logout, shared by the console, the mini-program and the workbench. */
@ApiTags('auth')
@Public()
@Controller('/api/auth')
export class AuthController {
  @Inject()
  auth: AuthService;

  @Post('/refresh', { summary: '刷新令牌（轮换刷新令牌）' })
  async refresh(@Body() body: RefreshTokenDTO) {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('/logout', { summary: '退出登录' })
  async logout(@Body() body: RefreshTokenDTO) {
    await this.auth.logout(body.refreshToken);
    return { ok: true };
  }
}
