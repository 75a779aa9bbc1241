import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { DataSource, IsNull, Not, Repository } from 'typeorm';
import { Gender, Patient, PATIENT_RELATIONS, PatientRelation } from './patient.entity';
import { ageOn, ID_CARD_MESSAGES, isValidBirthDate, parseIdCard, shanghaiToday } from './patient-identity';
import type { PatientInputDTO } from './dto/patient.dto';
import { CipherService } from '../../common/crypto/cipher.service';
import { AppError, Errors } from '../../common/errors';
import { isUniqueViolation } from '../../common/db-errors';
import { maskPhone } from '../../common/mask';
import { AuditContext, AuditService } from '../audit/audit.service';

/** How many patients one customer may keep (deleted ones do not count). */
export const PATIENT_LIMIT = 10;

export interface PatientOwned {
  id: number;
  customerId: number;
  name: string;
  relation: string;
  gender: string;
  birthDate: string | null;
}

export interface PatientMasked {
  id: number;
  name: string;
  relation: string;
  gender: string;
  age: number | null;
  phoneMasked: string;
  idCardMasked: string;
  hasHealthNotes: boolean;
}

export interface PatientHealth {
  id: number;
  name: string;
  gender: string;
  age: number | null;
  phone: string;
  allergies: string;
  chronicConditions: string;
  medications: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
}

/** Everything about a patient, decrypted: what its own customer sees, and a revealed console view. */
export interface PatientFull extends PatientOwned {
  relationName: string;
  age: number | null;
  phone: string;
  idCardNo: string;
  allergies: string;
  chronicConditions: string;
  medications: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Console list row: masked, with the health notes reduced to a flag. */
export interface PatientMaskedRow extends PatientMasked {
  customerId: number;
  relationName: string;
  birthDate: string | null;
  createdAt: Date;
}

const notFound = () => new AppError(404, 'PATIENT_NOT_FOUND', '就诊人不存在');

/** `110105194912310021` → `110***********0021`: only the province prefix and the last 4 stay. */
export function maskIdCardNo(value: string): string {
  if (!value) return '';
  const chars = Array.from(value);
  if (chars.length <= 7) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 7) + chars.slice(-4).join('');
}

/**
 * 就诊人: the people a customer books for. Personal data is sealed at rest with CipherService;
 * customers see their own patients whole, staff see them masked unless they reveal (pii:reveal,
 * audited), and an escort sees the health view only through the orders module.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class PatientService {
  @InjectEntityModel(Patient)
  patients: Repository<Patient>;

  @InjectDataSource()
  dataSource: DataSource;

  @Inject()
  cipherService: CipherService;

  @Inject()
  audit: AuditService;

  // ---- for the orders module ----------------------------------------------------------------

  /** A live patient of this customer; 404 PATIENT_NOT_FOUND when missing, deleted or someone else's. */
  async getOwned(customerId: number, patientId: number): Promise<PatientOwned> {
    const p = await this.patients.findOne({ where: { id: patientId, customerId } });
    if (!p) throw notFound();
    return { id: p.id, customerId: p.customerId, name: p.name, relation: p.relation, gender: p.gender, birthDate: p.birthDate };
  }

  /** Masked summary; also of a deleted patient, because past orders still point at it. */
  async maskedView(patientId: number): Promise<PatientMasked> {
    const p = await this.mustFindAny(patientId);
    return this.toMasked(p, shanghaiToday());
  }

  /**
   * Decrypted health view. Also of a deleted patient (an order booked before the deletion still
   * needs it). Callers decide who may see it: the orders module asks for the assigned escort only.
   */
  async healthView(patientId: number): Promise<PatientHealth> {
    const p = await this.mustFindAny(patientId);
    const open = (v: string | null) => this.cipherService.cipher.decryptNullable(v) ?? '';
    return {
      id: p.id,
      name: p.name,
      gender: p.gender,
      age: ageOn(p.birthDate, shanghaiToday()),
      phone: this.cipherService.decrypt(p.phoneEnc),
      allergies: open(p.allergiesEnc),
      chronicConditions: open(p.chronicConditionsEnc),
      medications: open(p.medicationsEnc),
      emergencyContactName: open(p.emergencyContactNameEnc),
      emergencyContactPhone: open(p.emergencyContactPhoneEnc),
    };
  }

  // ---- customer API -------------------------------------------------------------------------

  async listOwn(customerId: number): Promise<PatientFull[]> {
    const rows = await this.patients.find({ where: { customerId }, order: { id: 'ASC' } });
    const today = shanghaiToday();
    return rows.map(p => this.toFull(p, today));
  }

  async getOwnFull(customerId: number, patientId: number): Promise<PatientFull> {
    const p = await this.patients.findOne({ where: { id: patientId, customerId } });
    if (!p) throw notFound();
    return this.toFull(p, shanghaiToday());
  }

  /**
   * Creates a patient in the lowest free slot. The unique (customer_id, slot) key makes the limit
   * hold under concurrent creates: a loser of the race retries with the next free slot, or is
   * refused when none is left.
   */
  async create(customerId: number, input: PatientInputDTO): Promise<PatientFull> {
    const sealed = this.sealedValues(input);
    // Each lost race means another create took a slot, so PATIENT_LIMIT + 1 passes always end in
    // a free slot or a full list; the jittered pause spreads out a burst of retries.
    for (let attempt = 0; attempt <= PATIENT_LIMIT; attempt++) {
      const id = await this.dataSource.transaction(async manager => {
        const repo = manager.getRepository(Patient);
        await this.assertIdCardFree(repo, customerId, sealed.idCardHash, null);
        const used = new Set(
          (await repo.find({ where: { customerId, slot: Not(IsNull()) }, select: ['id', 'slot'] })).map(p => p.slot as number)
        );
        const slot = Array.from({ length: PATIENT_LIMIT }, (_, i) => i + 1).find(s => !used.has(s));
        if (slot === undefined) throw Errors.rule('PATIENT_LIMIT', `每个账号最多添加 ${PATIENT_LIMIT} 位就诊人`, { limit: PATIENT_LIMIT });
        try {
          const result = await repo.insert({ ...sealed, customerId, slot });
          return result.identifiers[0].id as number;
        } catch (err) {
          if (isUniqueViolation(err) || isLockConflict(err)) return null;
          throw err;
        }
      }).catch(err => {
        // MySQL may pick this transaction as a deadlock victim at commit time too.
        if (isLockConflict(err)) return null;
        throw err;
      });
      if (id !== null) return this.getOwnFull(customerId, id);
      // Lost a race: either for the slot (retry) or for the same ID number (refused on the next pass).
      await new Promise(resolve => setTimeout(resolve, 5 + Math.floor(Math.random() * 20)));
    }
    throw Errors.conflict('PATIENT_BUSY', '操作太频繁，请稍后再试');
  }

  async update(customerId: number, patientId: number, input: PatientInputDTO): Promise<PatientFull> {
    const sealed = this.sealedValues(input);
    await this.dataSource.transaction(async manager => {
      const repo = manager.getRepository(Patient);
      const current = await repo.findOne({ where: { id: patientId, customerId } });
      if (!current) throw notFound();
      await this.assertIdCardFree(repo, customerId, sealed.idCardHash, patientId);
      try {
        await repo.update({ id: patientId, customerId }, sealed);
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicate();
        throw err;
      }
    });
    return this.getOwnFull(customerId, patientId);
  }

  /** Soft delete: orders keep pointing at the row; its slot and ID blind index are freed. */
  async remove(customerId: number, patientId: number): Promise<void> {
    const result = await this.patients.update(
      { id: patientId, customerId, deletedAt: IsNull() },
      { deletedAt: new Date(), slot: null, idCardHash: null }
    );
    if (!result.affected) throw notFound();
  }

  // ---- console ------------------------------------------------------------------------------

  async listForCustomer(customerId: number): Promise<PatientMaskedRow[]> {
    const rows = await this.patients.find({ where: { customerId }, order: { id: 'ASC' } });
    const today = shanghaiToday();
    return rows.map(p => ({
      ...this.toMasked(p, today),
      customerId: p.customerId,
      relationName: PATIENT_RELATIONS[p.relation] ?? p.relation,
      birthDate: p.birthDate,
      createdAt: p.createdAt,
    }));
  }

  /** Shows a patient whole to a staff member holding pii:reveal; the audit row says who saw whose data. */
  async reveal(ctx: AuditContext, patientId: number): Promise<PatientFull> {
    const p = await this.mustFindAny(patientId);
    const full = this.toFull(p, shanghaiToday());
    await this.audit.record(ctx, {
      action: 'patient.reveal',
      targetType: 'patient',
      targetId: p.id,
      after: { customerId: p.customerId, fields: ['phone', 'idCardNo', 'allergies', 'chronicConditions', 'medications', 'emergencyContact'] },
    });
    return full;
  }

  // ---- internals ----------------------------------------------------------------------------

  private async mustFindAny(patientId: number): Promise<Patient> {
    const p = await this.patients.findOne({ where: { id: patientId }, withDeleted: true });
    if (!p) throw notFound();
    return p;
  }

  private async assertIdCardFree(repo: Repository<Patient>, customerId: number, idCardHash: string | null, selfId: number | null) {
    if (!idCardHash) return;
    const other = await repo.findOne({ where: { customerId, idCardHash }, select: ['id'] });
    if (other && other.id !== selfId) throw duplicate();
  }

  /** Validates identity facts and turns the input into column values, personal data sealed. */
  sealedValues(input: PatientInputDTO) {
    const today = shanghaiToday();
    let gender = input.gender as Gender | undefined;
    let birthDate = input.birthDate || null;
    let idCardNo: string | null = null;
    if (input.idCardNo) {
      const parsed = parseIdCard(input.idCardNo, today);
      if (!parsed.ok) throw new AppError(400, 'ID_CARD_INVALID', ID_CARD_MESSAGES[parsed.problem]);
      idCardNo = parsed.facts.number;
      if (gender && gender !== parsed.facts.gender) throw new AppError(400, 'ID_CARD_MISMATCH', '性别与身份证号不一致');
      if (birthDate && birthDate !== parsed.facts.birthDate) throw new AppError(400, 'ID_CARD_MISMATCH', '出生日期与身份证号不一致');
      gender = parsed.facts.gender;
      birthDate = parsed.facts.birthDate;
    }
    if (!gender) throw Errors.validation('请选择性别');
    if (birthDate && !isValidBirthDate(birthDate, today)) throw Errors.validation('出生日期不正确');
    const seal = (v: string | undefined | null) => (v ? this.cipherService.encrypt(v) : null);
    return {
      name: input.name,
      relation: input.relation as PatientRelation,
      gender,
      birthDate,
      phoneEnc: this.cipherService.encrypt(input.phone),
      idCardEnc: seal(idCardNo),
      idCardHash: idCardNo ? this.cipherService.keyedHash(`idcard:${idCardNo}`) : null,
      allergiesEnc: seal(input.allergies),
      chronicConditionsEnc: seal(input.chronicConditions),
      medicationsEnc: seal(input.medications),
      emergencyContactNameEnc: seal(input.emergencyContactName),
      emergencyContactPhoneEnc: seal(input.emergencyContactPhone),
    };
  }

  private toMasked(p: Patient, today: string): PatientMasked {
    return {
      id: p.id,
      name: p.name,
      relation: p.relation,
      gender: p.gender,
      age: ageOn(p.birthDate, today),
      phoneMasked: maskPhone(this.cipherService.decrypt(p.phoneEnc)),
      idCardMasked: p.idCardEnc ? maskIdCardNo(this.cipherService.decrypt(p.idCardEnc)) : '',
      hasHealthNotes: Boolean(p.allergiesEnc || p.chronicConditionsEnc || p.medicationsEnc),
    };
  }

  private toFull(p: Patient, today: string): PatientFull {
    const open = (v: string | null) => this.cipherService.cipher.decryptNullable(v) ?? '';
    return {
      id: p.id,
      customerId: p.customerId,
      name: p.name,
      relation: p.relation,
      relationName: PATIENT_RELATIONS[p.relation] ?? p.relation,
      gender: p.gender,
      birthDate: p.birthDate,
      age: ageOn(p.birthDate, today),
      phone: this.cipherService.decrypt(p.phoneEnc),
      idCardNo: open(p.idCardEnc),
      allergies: open(p.allergiesEnc),
      chronicConditions: open(p.chronicConditionsEnc),
      medications: open(p.medicationsEnc),
      emergencyContactName: open(p.emergencyContactNameEnc),
      emergencyContactPhone: open(p.emergencyContactPhoneEnc),
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

/** MySQL/MariaDB deadlock or lock wait timeout: the statement lost a race and may be retried. */
function isLockConflict(err: any): boolean {
  const code = err?.code ?? err?.driverError?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}

const duplicate = () => Errors.conflict('PATIENT_DUPLICATE', '该身份证号的就诊人已存在');
