import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { EntityManager, In, IsNull, LessThan, LessThanOrEqual, MoreThanOrEqual, And, Repository } from 'typeorm';
import { CREDENTIAL_STATUSES, CredentialStatus, EscortCredential } from './escort-credential.entity';
import { EscortReviewDecision, ReviewSubject } from './escort-review-decision.entity';
import { Escort } from './escort.entity';
import { EscortFileService, staffFileUrl } from './escort-file.service';
import { WorkforceFactsVersion } from './workforce-facts-version';
import type { CredentialDTO } from './dto/escort.dto';
import { QUALIFICATIONS, QualificationCode } from '../catalog/catalog-codes';
import { NotificationService } from '../notifications/notification.service';
import { SettingsService } from '../settings/settings.service';
import { staffHolding } from '../users/staff-recipients';
import { AuditContext, AuditService } from '../audit/audit.service';
import { TransactionService } from '../../common/db/transaction.service';
import { Errors } from '../../common/errors';
import { PageQuery, toPage } from '../../common/pagination';
import { toShanghaiDateString } from '../../common/time';
import type { CredentialFact } from '../dispatch/availability';

/** Who decides: a staff member, or the system (the expiry job). */
export interface Decider {
  type: 'staff' | 'system';
  id: number | null;
  name: string;
}

function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** `2026-11-23` + n days (calendar arithmetic on the date itself, no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Escorts' credentials: submitted (by the escort or by staff for them), reviewed, and watched for
 * expiry. Decisions append to escort_review_decisions; every status change is a compare-and-swap
 * on the expected status, so two reviewers cannot both decide one credential.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class EscortCredentialService {
  @InjectEntityModel(EscortCredential)
  credentials: Repository<EscortCredential>;

  @InjectEntityModel(EscortReviewDecision)
  decisions: Repository<EscortReviewDecision>;

  @Inject()
  files: EscortFileService;

  @Inject()
  notifications: NotificationService;

  @Inject()
  settings: SettingsService;

  @Inject()
  audit: AuditService;

  @Inject()
  tx: TransactionService;

  @Inject()
  factsVersion: WorkforceFactsVersion;

  view(c: EscortCredential, today = toShanghaiDateString(new Date())) {
    const expired = c.expiresOn !== null && c.expiresOn < today;
    return {
      id: c.id,
      escortId: c.escortId,
      typeCode: c.typeCode,
      typeLabel: QUALIFICATIONS[c.typeCode as QualificationCode] ?? c.typeCode,
      certificateNo: c.certificateNo,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn,
      status: c.status,
      statusLabel: CREDENTIAL_STATUSES[c.status],
      /** Valid today: approved and not past its last day. */
      validToday: c.status === 'approved' && !expired,
      fileId: c.fileId,
      fileUrl: staffFileUrl(c.fileId),
      reviewedAt: c.reviewedAt,
      reviewedByName: c.reviewedByName,
      rejectReason: c.rejectReason,
      createdAt: c.createdAt,
    };
  }

  async submit(escortId: number, input: CredentialDTO, by: { audit?: AuditContext } = {}) {
    if (!isRealDate(input.issuedOn)) throw Errors.validation('发证日期不正确');
    const expiresOn = input.expiresOn ?? null;
    if (expiresOn !== null && (!isRealDate(expiresOn) || expiresOn <= input.issuedOn)) throw Errors.validation('有效期必须晚于发证日期');
    if (input.issuedOn > toShanghaiDateString(new Date())) throw Errors.validation('发证日期不能晚于今天');
    if (expiresOn !== null && expiresOn < toShanghaiDateString(new Date())) throw Errors.rule('CREDENTIAL_ALREADY_EXPIRED', '证书已过期，请上传有效证书');
    const id = await this.tx.run(async manager => {
      await this.files.assertUsable(manager, escortId, input.fileId, ['credential']);
      const inserted = await manager.getRepository(EscortCredential).insert({
        escortId,
        typeCode: input.typeCode,
        certificateNo: input.certificateNo,
        issuedOn: input.issuedOn,
        expiresOn,
        fileId: input.fileId,
        status: 'pending',
      });
      const cid = inserted.identifiers[0].id as number;
      if (by.audit) await this.audit.record(by.audit, { action: 'escort.credential.create', targetType: 'escort', targetId: escortId, after: { credentialId: cid, typeCode: input.typeCode } }, manager);
      return cid;
    });
    return this.view(await this.credentials.findOneByOrFail({ id }));
  }

  async listOwn(escortId: number) {
    const rows = await this.credentials.find({ where: { escortId }, order: { id: 'DESC' } });
    return rows.map(c => this.view(c));
  }

  /** The review queue and lists: by status, scoped to the staff member's cities through the escort. */
  async list(q: PageQuery & { status: string; escortId?: number }, cityIds: number[] | null) {
    const qb = this.credentials
      .createQueryBuilder('c')
      .innerJoin(Escort, 'e', 'e.id = c.escort_id')
      .addSelect(['e.name', 'e.city_id'])
      .where('c.status = :status', { status: q.status })
      .orderBy('c.id', q.status === 'pending' ? 'ASC' : 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    if (cityIds !== null) qb.andWhere('e.city_id IN (:...cityIds)', { cityIds: cityIds.length ? cityIds : [0] });
    if (q.escortId) qb.andWhere('c.escort_id = :escortId', { escortId: q.escortId });
    const [rows, total] = await qb.getManyAndCount();
    const escorts = rows.length ? await this.credentials.manager.getRepository(Escort).find({ where: { id: In(rows.map(r => r.escortId)) }, select: { id: true, name: true, cityId: true } }) : [];
    const byId = new Map(escorts.map(e => [e.id, e]));
    return toPage(rows.map(c => ({ ...this.view(c), escortName: byId.get(c.escortId)?.name ?? '', cityId: byId.get(c.escortId)?.cityId ?? null })), total, q);
  }

  async mustFind(id: number, cityIds: number[] | null): Promise<{ credential: EscortCredential; escort: Escort }> {
    const credential = await this.credentials.findOne({ where: { id } });
    if (!credential) throw Errors.notFound('证书');
    const escort = await this.credentials.manager.getRepository(Escort).findOneByOrFail({ id: credential.escortId });
    if (cityIds !== null && !cityIds.includes(escort.cityId)) throw Errors.cityScope();
    return { credential, escort };
  }

  async recordDecision(manager: EntityManager, escortId: number, subjectType: ReviewSubject, subjectId: number, decision: 'approved' | 'rejected' | 'expired', reason: string, by: Decider) {
    await manager.getRepository(EscortReviewDecision).insert({ escortId, subjectType, subjectId, decision, reason: reason.slice(0, 255), actorType: by.type, actorId: by.id, actorName: by.name.slice(0, 64) });
  }

  async decide(ctx: AuditContext, id: number, approve: boolean, reason: string, by: Decider, cityIds: number[] | null) {
    const { credential } = await this.mustFind(id, cityIds);
    await this.tx.run(async manager => {
      const swapped = await manager.getRepository(EscortCredential).update(
        { id, status: 'pending' },
        approve
          ? { status: 'approved', reviewedAt: new Date(), reviewedById: by.id, reviewedByName: by.name.slice(0, 64), rejectReason: '' }
          : { status: 'rejected', reviewedAt: new Date(), reviewedById: by.id, reviewedByName: by.name.slice(0, 64), rejectReason: reason }
      );
      if (!swapped.affected) throw Errors.conflict('REVIEW_ALREADY_DECIDED', '该证书已审核，请刷新');
      await this.recordDecision(manager, credential.escortId, 'credential', id, approve ? 'approved' : 'rejected', reason, by);
      const detail = `${QUALIFICATIONS[credential.typeCode as QualificationCode] ?? credential.typeCode}（${credential.certificateNo}）`;
      await this.notifications.notify(manager, approve ? 'credential_approved' : 'credential_rejected', [{ type: 'escort', id: credential.escortId }], { detail, reason }, null);
      await this.audit.record(ctx, { action: approve ? 'escort.credential.approve' : 'escort.credential.reject', targetType: 'escort_credential', targetId: id, after: { reason } }, manager);
    });
    this.factsVersion.bump();
    await this.notifications.flush().catch(() => undefined);
    return this.view(await this.credentials.findOneByOrFail({ id }));
  }

  async history(escortId: number) {
    const rows = await this.decisions.find({ where: { escortId }, order: { id: 'DESC' } });
    return rows.map(d => ({ id: d.id, subjectType: d.subjectType, subjectId: d.subjectId, decision: d.decision, reason: d.reason, actorType: d.actorType, actorName: d.actorName, createdAt: d.createdAt }));
  }

  /**
   * The daily job. Approved credentials whose last valid day is within `expiryWarningDays` are
   * warned once (escort and the city's reviewers); those past their last day become `expired`,
   * which stops dispatch for the services that need them. Each row is its own compare-and-swap,
   * so running it twice (or in two processes) warns and expires once.
   */
  async runExpiryJob(now = new Date()): Promise<{ warned: number; expired: number }> {
    const today = toShanghaiDateString(now);
    const days = (await this.settings.get('workforce')).expiryWarningDays;
    const horizon = addDays(today, days);
    let warned = 0;
    let expired = 0;
    const lapsed = await this.credentials.find({ where: { status: 'approved', expiresOn: LessThan(today) }, take: 500 });
    for (const c of lapsed) {
      const done = await this.tx.run(async manager => {
        const res = await manager.getRepository(EscortCredential).update({ id: c.id, status: 'approved' }, { status: 'expired' });
        if (!res.affected) return false;
        await this.recordDecision(manager, c.escortId, 'credential', c.id, 'expired', `已于 ${c.expiresOn} 到期`, { type: 'system', id: null, name: '系统' });
        await this.notifyExpiry(manager, c, 'credential_expired');
        return true;
      });
      if (done) expired++;
    }
    const soon = await this.credentials.find({ where: { status: 'approved', expiresOn: And(MoreThanOrEqual(today), LessThanOrEqual(horizon)), expiryWarnedAt: IsNull() }, take: 500 });
    for (const c of soon) {
      const done = await this.tx.run(async manager => {
        const res = await manager.getRepository(EscortCredential).update({ id: c.id, status: 'approved', expiryWarnedAt: IsNull() }, { expiryWarnedAt: now });
        if (!res.affected) return false;
        await this.notifyExpiry(manager, c, 'credential_expiring');
        return true;
      });
      if (done) warned++;
    }
    if (expired) this.factsVersion.bump();
    if (warned || expired) await this.notifications.flush().catch(() => undefined);
    return { warned, expired };
  }

  private async notifyExpiry(manager: EntityManager, c: EscortCredential, event: 'credential_expiring' | 'credential_expired') {
    const escort = await manager.getRepository(Escort).findOneByOrFail({ id: c.escortId });
    const vars = { escortName: escort.name, detail: `${QUALIFICATIONS[c.typeCode as QualificationCode] ?? c.typeCode}（${c.certificateNo}）`, date: c.expiresOn ?? '' };
    await this.notifications.notify(manager, event, [{ type: 'escort', id: c.escortId }], vars, null);
    // Reviewers hear it too, with the escort's name in front: they chase the renewal.
    const reviewers = await staffHolding(manager, 'escort:review', escort.cityId);
    await this.notifications.notify(manager, event, reviewers, { ...vars, detail: `${escort.name} 的${vars.detail}` }, null);
  }

  /**
   * Approved or lapsed credentials of every escort of a city (the pure availability check decides
   * validity for an order's dates; dispatch caches this per city).
   */
  async factsForCity(cityId: number): Promise<Map<number, CredentialFact[]>> {
    const out = new Map<number, CredentialFact[]>();
    const rows = await this.credentials
      .createQueryBuilder('c')
      .innerJoin(Escort, 'e', 'e.id = c.escort_id')
      .select(['c.escort_id AS escortId', 'c.type_code AS typeCode', 'c.status AS status', 'c.issued_on AS issuedOn', 'c.expires_on AS expiresOn'])
      .where('e.city_id = :cityId AND c.status IN (:...statuses)', { cityId, statuses: ['approved', 'expired'] })
      .getRawMany();
    for (const r of rows) {
      const id = Number(r.escortId);
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push({ typeCode: r.typeCode, status: r.status, issuedOn: r.issuedOn, expiresOn: r.expiresOn });
    }
    return out;
  }

  async factsForEscort(escortId: number, codes: readonly string[]): Promise<CredentialFact[]> {
    if (!codes.length) return [];
    const rows = await this.credentials.find({ where: { escortId, typeCode: In([...codes]), status: In(['approved', 'expired'] as CredentialStatus[]) } });
    return rows.map(r => ({ typeCode: r.typeCode, status: r.status, issuedOn: r.issuedOn, expiresOn: r.expiresOn }));
  }
}

