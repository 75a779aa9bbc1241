import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { DataSource, FindOptionsWhere, In, Like, MoreThanOrEqual, Repository } from 'typeorm';
import { StaffUser } from './staff-user.entity';
import { StaffRole, cityScopeOf, permissionsOf } from './roles';
import { AuditContext, AuditService } from '../audit/audit.service';
import { CityService } from '../cities/city.service';
import { hashPassword } from '../auth/password';
import { Errors } from '../../common/errors';
import { isUniqueViolation } from '../../common/db-errors';
import { TokenService } from '../auth/token.service';
import { Page, toPage } from '../../common/pagination';
import type { CreateStaffUserDTO, StaffUserQueryDTO, UpdateStaffUserDTO } from './dto/staff-user.dto';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export interface StaffUserView {
  id: number;
  username: string;
  displayName: string;
  roles: StaffRole[];
  cityIds: number[];
  status: 'active' | 'disabled';
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export interface StaffProfile {
  id: number;
  username: string;
  displayName: string;
  roles: StaffRole[];
  permissions: string[];
  cityIds: number[];
  allCities: boolean;
}

/** Staff accounts: who may use the console, with which roles, in which cities. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StaffUserService {
  @InjectEntityModel(StaffUser)
  users: Repository<StaffUser>;

  @InjectDataSource()
  dataSource: DataSource;

  @Inject()
  audit: AuditService;

  @Inject()
  cities: CityService;

  @Inject()
  tokens: TokenService;

  async list(q: StaffUserQueryDTO): Promise<Page<StaffUserView>> {
    const base: FindOptionsWhere<StaffUser> = {};
    if (q.status) base.status = q.status;
    const where: FindOptionsWhere<StaffUser>[] = q.keyword
      ? [
          { ...base, username: Like(`%${q.keyword}%`) },
          { ...base, displayName: Like(`%${q.keyword}%`) },
        ]
      : [base];
    let [rows, total] = await this.users.findAndCount({ where, order: { id: 'ASC' } });
    // Roles are a small JSON list; filtering them in memory keeps the query portable across SQLite and MySQL.
    if (q.role) rows = rows.filter(r => r.roles.includes(q.role as StaffRole));
    total = q.role ? rows.length : total;
    const pageRows = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    return toPage(pageRows.map(toView), total, q);
  }

  async get(id: number): Promise<StaffUserView> {
    return toView(await this.mustFind(id));
  }

  async create(ctx: AuditContext, dto: CreateStaffUserDTO): Promise<StaffUserView> {
    await this.cities.assertExist(dto.cityIds);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(StaffUser);
      let saved: StaffUser;
      try {
        saved = await repo.save(
          repo.create({
            username: dto.username,
            displayName: dto.displayName,
            passwordHash,
            roles: dto.roles as StaffRole[],
            cityIds: dto.cityIds,
            status: 'active',
            failedLoginCount: 0,
            lockedUntil: null,
            lastLoginAt: null,
          })
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw Errors.conflict('USERNAME_TAKEN', `用户名 ${dto.username} 已被使用`);
        throw err;
      }
      const view = toView(saved);
      await this.audit.record(ctx, { action: 'staff.create', targetType: 'staff_user', targetId: saved.id, after: view }, manager);
      return view;
    });
  }

  async update(ctx: AuditContext, id: number, dto: UpdateStaffUserDTO): Promise<StaffUserView> {
    await this.cities.assertExist(dto.cityIds);
    return this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(StaffUser);
      const before = toView(await this.mustFind(id, repo));
      this.assertNotLastAdmin(ctx, before, dto.roles, await this.activeAdminCount(repo));
      await repo.update({ id }, { displayName: dto.displayName, roles: dto.roles as StaffRole[], cityIds: dto.cityIds });
      const after = toView(await this.mustFind(id, repo));
      await this.audit.record(ctx, { action: 'staff.update', targetType: 'staff_user', targetId: id, before, after }, manager);
      return after;
    });
  }

  async setStatus(ctx: AuditContext, id: number, status: 'active' | 'disabled'): Promise<StaffUserView> {
    return this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(StaffUser);
      const before = toView(await this.mustFind(id, repo));
      if (status === 'disabled') {
        if (ctx.principal?.userId === id) throw Errors.rule('STAFF_CANNOT_DISABLE_SELF', '不能停用自己的账号');
        this.assertNotLastAdmin(ctx, before, [], await this.activeAdminCount(repo));
      }
      await repo.update({ id }, { status });
      const after = toView(await this.mustFind(id, repo));
      await this.audit.record(ctx, { action: status === 'disabled' ? 'staff.disable' : 'staff.enable', targetType: 'staff_user', targetId: id, before, after }, manager);
      return after;
    }).then(async after => {
      if (status === 'disabled') await this.tokens.revokeAllFor('staff', id, 'disabled');
      return after;
    });
  }

  async unlock(ctx: AuditContext, id: number): Promise<StaffUserView> {
    return this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(StaffUser);
      const before = toView(await this.mustFind(id, repo));
      await repo.update({ id }, { failedLoginCount: 0, lockedUntil: null });
      const after = toView(await this.mustFind(id, repo));
      await this.audit.record(ctx, { action: 'staff.unlock', targetType: 'staff_user', targetId: id, before, after }, manager);
      return after;
    });
  }

  async resetPassword(ctx: AuditContext, id: number, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(StaffUser);
      await this.mustFind(id, repo);
      await repo.update({ id }, { passwordHash, failedLoginCount: 0, lockedUntil: null });
      await this.audit.record(ctx, { action: 'staff.reset_password', targetType: 'staff_user', targetId: id, after: { password: '***' } }, manager);
    });
    // A reset password must end every session that knew the old one.
    await this.tokens.revokeAllFor('staff', id, 'password_reset');
  }

  // ---- used by authentication -------------------------------------------------------------

  findForLogin(username: string): Promise<StaffUser | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
  }

  /**
   * Counts a wrong password atomically in the database and locks on the fifth,
   * so parallel guesses cannot slip past the limit.
   */
  async registerFailedLogin(id: number, now: Date): Promise<void> {
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await this.users
      .createQueryBuilder()
      .update()
      // locked_until must come first: MySQL evaluates SET assignments left to right with the new
      // values, so after the increment it would see the count already raised and lock one try early.
      .set({
        lockedUntil: () => `CASE WHEN failed_login_count + 1 >= ${LOCK_AFTER_FAILURES} THEN :lockUntil ELSE locked_until END`,
        failedLoginCount: () => 'failed_login_count + 1',
        updatedAt: () => 'updated_at',
      })
      .setParameters({ lockUntil })
      .where('id = :id', { id })
      .execute();
  }

  /** A lock that has run out starts a fresh count of failures. */
  async clearExpiredLock(id: number): Promise<void> {
    await this.users.update({ id }, { failedLoginCount: 0, lockedUntil: null });
  }

  async registerSuccessfulLogin(id: number, now: Date): Promise<void> {
    await this.users.update({ id }, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
  }

  async findActive(id: number): Promise<StaffUser | null> {
    return this.users.findOne({ where: { id, status: 'active' } });
  }

  profileOf(user: StaffUser): StaffProfile {
    const scope = cityScopeOf(user.roles, user.cityIds);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      permissions: [...permissionsOf(user.roles)].sort(),
      cityIds: user.cityIds,
      allCities: scope === null,
    };
  }

  async countLoginsSince(since: Date): Promise<number> {
    return this.users.count({ where: { lastLoginAt: MoreThanOrEqual(since) } });
  }

  async countByIds(ids: number[]): Promise<number> {
    return ids.length ? this.users.count({ where: { id: In(ids) } }) : 0;
  }

  private async mustFind(id: number, repo: Repository<StaffUser> = this.users): Promise<StaffUser> {
    const user = await repo.findOne({ where: { id } });
    if (!user) throw Errors.notFound('员工账号');
    return user;
  }

  private async activeAdminCount(repo: Repository<StaffUser>): Promise<number> {
    const active = await repo.find({ where: { status: 'active' }, select: ['id', 'roles'] });
    return active.filter(u => u.roles.includes('admin')).length;
  }

  /** The console must always keep one active admin, or nobody could manage accounts again. */
  private assertNotLastAdmin(_ctx: AuditContext, before: StaffUserView, nextRoles: string[], activeAdmins: number) {
    const wasAdmin = before.status === 'active' && before.roles.includes('admin');
    if (wasAdmin && !nextRoles.includes('admin') && activeAdmins <= 1) {
      throw Errors.rule('STAFF_LAST_ADMIN', '至少需要保留一个启用的管理员账号');
    }
  }
}

function toView(u: StaffUser): StaffUserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    cityIds: u.cityIds,
    status: u.status,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil : null,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}
