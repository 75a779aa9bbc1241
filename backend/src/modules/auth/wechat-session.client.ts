import { createHash } from 'crypto';
import { Errors } from '../../common/errors';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

/** Exchanges the code from `wx.login` for the user's openid (the `code2session` API). */
export interface WechatSessionClient {
  code2session(code: string): Promise<WechatSession>;
}

/** The real WeChat API. The session_key is deliberately dropped: nothing here decrypts user data with it. */
export class WechatApiSessionClient implements WechatSessionClient {
  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly baseUrl = 'https://api.weixin.qq.com'
  ) {}

  async code2session(code: string): Promise<WechatSession> {
    const url = new URL('/sns/jscode2session', this.baseUrl);
    url.search = new URLSearchParams({ appid: this.appId, secret: this.appSecret, js_code: code, grant_type: 'authorization_code' }).toString();
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json()) as { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
    if (!res.ok || body.errcode || !body.openid) {
      // 40029: invalid code, 40163: code used, 45011: too frequent.
      throw Errors.rule('WECHAT_LOGIN_FAILED', `微信登录失败（${body.errcode ?? res.status}），请重试`);
    }
    return { openid: body.openid, unionid: body.unionid };
  }
}

/**
 * Development and test stand-in: the same code always maps to the same openid, so a test or
 * the H5 demo can log the "same WeChat user" in twice. Codes look like `sandbox:<anything>`.
 */
export class SandboxWechatSessionClient implements WechatSessionClient {
  async code2session(code: string): Promise<WechatSession> {
    if (!code || code.length > 128) throw Errors.rule('WECHAT_LOGIN_FAILED', '微信登录失败（invalid code），请重试');
    const openid = 'sbx_' + createHash('sha256').update(code).digest('hex').slice(0, 24);
    return { openid };
  }
}
