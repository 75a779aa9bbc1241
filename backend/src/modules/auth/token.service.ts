import { Config, Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { JwtService } from '@midwayjs/jwt';
import { IsNull, Repository } from 'typeorm';
import { createSecretKey, KeyObject, randomUUID } from 'crypto';
import { AuthSession } from './auth-session.entity';
import { RefreshToken } from './refresh-token.entity';
import { Errors } from '../../common/errors';
import { randomToken, sha256Hex } from '../../common/crypto/token-hash';
import type { Audience } from '../../common/auth/principal';
import type { AppSettings } from '../../config/settings';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  accessExpiresIn: number;
  refreshExpiresIn: number;
}

export interface ClientMeta {
  ip?: string;
  userAgent?: string;
}

export interface AccessClaims {
  audience: Audience;
  subjectId: number;
  sessionId: string;
}

const ISSUER = 'escort-platform';
const AUDIENCES: readonly Audience[] = ['staff', 'customer', 'escort'];

/**
 * Short-lived JWT access tokens plus opaque refresh tokens that rotate on every use.
 * A refresh token presented a second time means it was stolen or replayed: the whole
 * session family is revoked (RFC 6819 §5.2.2.3 style reuse detection).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class TokenService {
  @InjectEntityModel(AuthSession)
  sessions: Repository<AuthSession>;

  @InjectEntityModel(RefreshToken)
  refreshTokens: Repository<RefreshToken>;

  @Inject()
  jwt: JwtService;

  @Config('app')
  settings: AppSettings;

  async issue(audience: Audience, subjectId: number, meta: ClientMeta): Promise<TokenPair> {
    const now = Date.now();
    const session = this.sessions.create({
      id: randomUUID(),
      audience,
      subjectId,
      expiresAt: new Date(now + this.settings.refreshTokenTtlSeconds * 1000),
      revokedAt: null,
      revokeReason: null,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 255) ?? null,
    });
    await this.sessions.insert(session);
    return this.mintPair(session);
  }

  /** Rotates a refresh token; returns the new pair and whom it belongs to. */
  async refresh(refreshToken: string): Promise<TokenPair & { audience: Audience; subjectId: number }> {
    const row = await this.refreshTokens.findOne({ where: { tokenHash: sha256Hex(refreshToken) } });
    if (!row) throw Errors.tokenInvalid();
    const session = await this.sessions.findOne({ where: { id: row.sessionId } });
    if (!session || session.revokedAt) throw Errors.tokenInvalid();
    if (row.rotatedAt) {
      await this.revokeSession(session.id, 'refresh_reuse');
      throw Errors.tokenReused();
    }
    const now = new Date();
    if (row.expiresAt <= now || session.expiresAt <= now) throw Errors.tokenExpired();
    // Compare-and-swap: of two requests racing with the same token only one may rotate it.
    const spent = await this.refreshTokens
      .createQueryBuilder()
      .update()
      .set({ rotatedAt: now })
      .where('id = :id AND rotated_at IS NULL', { id: row.id })
      .execute();
    if (!spent.affected) {
      await this.revokeSession(session.id, 'refresh_reuse');
      throw Errors.tokenReused();
    }
    const pair = await this.mintPair(session);
    return { ...pair, audience: session.audience, subjectId: session.subjectId };
  }

  /** Logout: ends the session the refresh token belongs to. Unknown tokens are ignored (idempotent). */
  async revokeByRefreshToken(refreshToken: string): Promise<void> {
    const row = await this.refreshTokens.findOne({ where: { tokenHash: sha256Hex(refreshToken) } });
    if (row) await this.revokeSession(row.sessionId, 'logout');
  }

  async revokeSession(sessionId: string, reason: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date(), revokeReason: reason });
  }

  /** Ends every session of a user, e.g. when staff is disabled or their password is reset. */
  async revokeAllFor(audience: Audience, subjectId: number, reason: string): Promise<void> {
    await this.sessions.update({ audience, subjectId, revokedAt: IsNull() }, { revokedAt: new Date(), revokeReason: reason });
  }

  /**
   * Verifies signature, issuer, expiry and that the session is still alive.
   * Anything wrong is a 401; which audience may use which route is the guard's business.
   */
  /**
   * The HS256 secret as a KeyObject, made once. Given a string, jsonwebtoken first tries to parse
   * it as a PEM public key on every call and only then falls back: a measurable cost per request.
   */
  private get jwtKey(): KeyObject {
    this.cachedJwtKey ??= createSecretKey(Buffer.from(this.settings.jwtSecret));
    return this.cachedJwtKey;
  }

  private cachedJwtKey: KeyObject | undefined;

  async verifyAccess(token: string): Promise<AccessClaims> {
    let payload: any;
    try {
      payload = await this.jwt.verify(token, this.jwtKey as any, { algorithms: ['HS256'], issuer: ISSUER });
    } catch (err) {
      if (err?.name === 'TokenExpiredError') throw Errors.tokenExpired();
      throw Errors.tokenInvalid();
    }
    const audience = payload?.aud as Audience;
    const subjectId = Number(payload?.sub);
    if (!AUDIENCES.includes(audience) || !Number.isSafeInteger(subjectId) || typeof payload.sid !== 'string') {
      throw Errors.tokenInvalid();
    }
    const session = await this.sessions.findOne({ where: { id: payload.sid }, select: ['id', 'revokedAt', 'audience', 'subjectId'] });
    if (!session || session.revokedAt || session.audience !== audience || session.subjectId !== subjectId) {
      throw Errors.tokenInvalid();
    }
    return { audience, subjectId, sessionId: session.id };
  }

  private async mintPair(session: AuthSession): Promise<TokenPair> {
    const ttl = this.settings.accessTokenTtlSeconds;
    const accessToken = await this.jwt.sign({ sid: session.id }, this.jwtKey as any, {
      algorithm: 'HS256',
      issuer: ISSUER,
      audience: session.audience,
      subject: String(session.subjectId),
      expiresIn: ttl,
    });
    const refreshToken = randomToken(32);
    const refreshExpiresAt = new Date(Math.min(session.expiresAt.getTime(), Date.now() + this.settings.refreshTokenTtlSeconds * 1000));
    await this.refreshTokens.insert({
      sessionId: session.id,
      tokenHash: sha256Hex(refreshToken),
      expiresAt: refreshExpiresAt,
      rotatedAt: null,
    });
    return {
      accessToken,
      refreshToken,
      accessExpiresIn: ttl,
      refreshExpiresIn: Math.max(0, Math.floor((refreshExpiresAt.getTime() - Date.now()) / 1000)),
    };
  }
}
