import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { In, Repository } from 'typeorm';
import { APPLICATION_STATUSES, EscortApplication } from './escort-application.entity';
import { EDUCATION_LEVELS, Escort } from './escort.entity';
import { EscortService } from './escort.service';
import { EscortFileService, staffFileUrl } from './escort-file.service';
import { WorkforceFactsVersion } from './workforce-facts-version';
import { Decider, EscortCredentialService } from './escort-credential.service';
import type { ApplicationDTO } from './dto/escort.dto';
import { ID_CARD_MESSAGES, parseIdCard, shanghaiToday } from '../patients/patient-identity';
import { NotificationService } from '../notifications/notification.service';
import { AuditContext, AuditService } from '../audit/audit.service';
import { CipherService } from '../../common/crypto/cipher.service';
import { TransactionService } from '../../common/db/transaction.service';
import { isUniqueViolation } from '../../common/db-errors';
import { AppError, Errors } from '../../common/errors';
import { maskIdCard } from '../../common/mask';
import { PageQuery, toPage } from '../../common/pagination';

/**
 * Applications to work as an escort: the escort submits identity and profile with the ID card's
 * two sides; a reviewer approves (the escort becomes active with that profile) or rejects with a
 * reason (the escort may apply again). The ID number is stored encrypted with a blind index, so
 * one person cannot hold two escort accounts, and shows masked everywhere.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class EscortApplicationService {
  @InjectEntityModel(EscortApplication)
  applications: Repository<EscortApplication>;

  @Inject()
  escorts: EscortService;

  @Inject()
  files: EscortFileService;

  @Inject()
  credentials: EscortCredentialService;

  @Inject()
  notifications: NotificationService;

  @Inject()
  audit: AuditService;

  @Inject()
  cipher: CipherService;

  @Inject()
  tx: TransactionService;

  @Inject()
  factsVersion: WorkforceFactsVersion;

  private idCardIndex(number: string): string {
    return this.cipher.keyedHash(`idcard:${number}`);
  }

  view(a: EscortApplication, extra: { escortName?: string; cityId?: number } = {}) {
    return {
      id: a.id,
      escortId: a.escortId,
      escortName: extra.escortName ?? '',
      cityId: extra.cityId ?? null,
      status: a.status,
      statusLabel: APPLICATION_STATUSES[a.status],
      realName: a.realName,
      gender: a.gender,
      birthYear: a.birthYear,
      idCardMasked: maskIdCard(this.cipher.decrypt(a.idCardEnc)) as string,
      idFrontFileId: a.idFrontFileId,
      idBackFileId: a.idBackFileId,
      photoFileId: a.photoFileId,
      education: a.education,
      educationLabel: EDUCATION_LEVELS[a.education as keyof typeof EDUCATION_LEVELS] ?? '',
      experienceYears: a.experienceYears,
      serviceDistricts: a.serviceDistricts,
      skills: a.skills,
      bio: a.bio,
      submittedAt: a.createdAt,
      decidedAt: a.decidedAt,
      decidedByName: a.decidedByName,
      decisionReason: a.decisionReason,
    };
  }

  async apply(escortId: number, input: ApplicationDTO) {
    const escort = await this.escorts.mustFind(escortId);
    if (escort.status !== 'applicant') throw Errors.conflict('ESCORT_ALREADY_ACTIVE', '您已通过入驻审核，无需再次申请');
    const parsed = parseIdCard(input.idCardNo, shanghaiToday());
    if (!parsed.ok) throw new AppError(400, 'ID_CARD_INVALID', ID_CARD_MESSAGES[parsed.problem]);
    const idCardHash = this.idCardIndex(parsed.facts.number);
    const id = await this.tx.run(async manager => {
      const other = await manager.getRepository(Escort).findOne({ where: { idCardHash }, select: { id: true } });
      if (other && other.id !== escortId) throw Errors.conflict('ID_CARD_IN_USE', '该身份证号已登记为其他陪诊师');
      await this.files.assertUsable(manager, escortId, input.idFrontFileId, ['id_front']);
      await this.files.assertUsable(manager, escortId, input.idBackFileId, ['id_back']);
      if (input.photoFileId) await this.files.assertUsable(manager, escortId, input.photoFileId, ['photo']);
      try {
        const inserted = await manager.getRepository(EscortApplication).insert({
          escortId,
          pendingEscortId: escortId,
          status: 'pending',
          realName: input.realName,
          gender: parsed.facts.gender,
          birthYear: Number(parsed.facts.birthDate.slice(0, 4)),
          idCardEnc: this.cipher.encrypt(parsed.facts.number),
          idCardHash,
          idFrontFileId: input.idFrontFileId,
          idBackFileId: input.idBackFileId,
          photoFileId: input.photoFileId ?? null,
          education: input.education ?? '',
          experienceYears: input.experienceYears ?? 0,
          serviceDistricts: input.serviceDistricts ?? [],
          skills: input.skills ?? [],
          bio: input.bio ?? '',
        });
        return inserted.identifiers[0].id as number;
      } catch (err) {
        if (isUniqueViolation(err)) throw Errors.conflict('APPLICATION_PENDING', '您已有一份待审核的申请，请等待审核结果');
        throw err;
      }
    });
    return this.view(await this.applications.findOneByOrFail({ id }));
  }

  /** The escort's own latest application (null before applying) and their credentials. */
  async mine(escortId: number) {
    const latest = await this.applications.findOne({ where: { escortId }, order: { id: 'DESC' } });
    const escort = await this.escorts.mustFind(escortId);
    return { escortStatus: escort.status, application: latest ? this.view(latest) : null, credentials: await this.credentials.listOwn(escortId) };
  }

  async list(q: PageQuery & { status: string; escortId?: number }, cityIds: number[] | null) {
    const qb = this.applications
      .createQueryBuilder('a')
      .innerJoin(Escort, 'e', 'e.id = a.escort_id')
      .where('a.status = :status', { status: q.status })
      .orderBy('a.id', q.status === 'pending' ? 'ASC' : 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    if (cityIds !== null) qb.andWhere('e.city_id IN (:...cityIds)', { cityIds: cityIds.length ? cityIds : [0] });
    if (q.escortId) qb.andWhere('a.escort_id = :escortId', { escortId: q.escortId });
    const [rows, total] = await qb.getManyAndCount();
    const escorts = rows.length ? await this.escorts.escorts.find({ where: { id: In([...new Set(rows.map(r => r.escortId))]) } }) : [];
    const byId = new Map(escorts.map(e => [e.id, e]));
    return toPage(rows.map(a => this.view(a, { escortName: byId.get(a.escortId)?.name, cityId: byId.get(a.escortId)?.cityId })), total, q);
  }

  private async mustFind(id: number, cityIds: number[] | null) {
    const a = await this.applications.findOne({ where: { id } });
    if (!a) throw Errors.notFound('入驻申请');
    const escort = await this.escorts.mustFind(a.escortId);
    if (cityIds !== null && !cityIds.includes(escort.cityId)) throw Errors.cityScope();
    return { application: a, escort };
  }

  /** Everything a reviewer needs on one screen: the application, file links, the escort's credentials and history. */
  async detail(id: number, cityIds: number[] | null) {
    const { application: a, escort } = await this.mustFind(id, cityIds);
    return {
      ...this.view(a, { escortName: escort.name, cityId: escort.cityId }),
      files: {
        idFront: staffFileUrl(a.idFrontFileId),
        idBack: staffFileUrl(a.idBackFileId),
        photo: staffFileUrl(a.photoFileId),
      },
      escort: await this.escorts.staffView(escort),
      credentials: (await this.credentials.listOwn(escort.id)),
      history: await this.credentials.history(escort.id),
    };
  }

  async decide(ctx: AuditContext, id: number, approve: boolean, reason: string, by: Decider, cityIds: number[] | null) {
    const { application: a, escort } = await this.mustFind(id, cityIds);
    await this.tx.run(async manager => {
      const swapped = await manager
        .getRepository(EscortApplication)
        .update(
          { id, status: 'pending' },
          { status: approve ? 'approved' : 'rejected', pendingEscortId: null, decidedAt: new Date(), decidedById: by.id, decidedByName: by.name.slice(0, 64), decisionReason: reason }
        );
      if (!swapped.affected) throw Errors.conflict('REVIEW_ALREADY_DECIDED', '该申请已审核，请刷新');
      if (approve) {
        try {
          const activated = await this.escorts.swapStatus(manager, a.escortId, ['applicant'], 'active', {
            name: a.realName,
            gender: a.gender,
            birthYear: a.birthYear,
            idCardEnc: a.idCardEnc,
            idCardHash: a.idCardHash,
            ...(a.photoFileId ? { photoFileId: a.photoFileId } : {}),
            education: a.education,
            experienceYears: a.experienceYears,
            serviceDistricts: a.serviceDistricts,
            skills: a.skills,
            bio: a.bio,
          });
          if (!activated) throw Errors.conflict('ESCORT_STATUS_CHANGED', '陪诊师状态已变化（可能已停用），无法通过');
        } catch (err) {
          if (isUniqueViolation(err)) throw Errors.conflict('ID_CARD_IN_USE', '该身份证号已登记为其他陪诊师');
          throw err;
        }
      }
      await this.credentials.recordDecision(manager, a.escortId, 'application', id, approve ? 'approved' : 'rejected', reason, by);
      await this.notifications.notify(manager, approve ? 'application_approved' : 'application_rejected', [{ type: 'escort', id: a.escortId }], { escortName: approve ? a.realName : escort.name, reason }, null);
      await this.audit.record(ctx, { action: approve ? 'escort.application.approve' : 'escort.application.reject', targetType: 'escort_application', targetId: id, before: { status: 'pending' }, after: { status: approve ? 'approved' : 'rejected', reason } }, manager);
    });
    if (approve) this.factsVersion.bump();
    await this.notifications.flush().catch(() => undefined);
    return this.detail(id, cityIds);
  }
}
