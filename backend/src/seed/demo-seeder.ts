import { randomBytes } from 'crypto';
import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { City } from '../modules/cities/city.entity';
import { StaffUser } from '../modules/users/staff-user.entity';
import { Hospital } from '../modules/hospitals/hospital.entity';
import { Escort } from '../modules/escorts/escort.entity';
import { EscortCredential } from '../modules/escorts/escort-credential.entity';
import { EscortFile } from '../modules/escorts/escort-file.entity';
import { EscortWeeklyShift } from '../modules/schedules/escort-weekly-shift.entity';
import { toShanghaiDateString } from '../common/time';
import { ServiceItem } from '../modules/catalog/service-item.entity';
import { ServiceCityPrice } from '../modules/catalog/service-city-price.entity';
import { PriceRule } from '../modules/catalog/price-rule.entity';
import { Customer } from '../modules/users/customer.entity';
import { HospitalDepartment } from '../modules/hospitals/hospital-department.entity';
import { HospitalNotice } from '../modules/hospitals/hospital-notice.entity';
import { MeetingPoint } from '../modules/hospitals/meeting-point.entity';
import { StepTemplate } from '../modules/hospitals/step-template.entity';
import { HospitalService } from '../modules/hospitals/hospital.service';
import { parseMicroDegrees } from '../modules/hospitals/geo';
import { Patient } from '../modules/patients/patient.entity';
import { PatientService } from '../modules/patients/patient.service';
import { idCardCheckChar } from '../modules/patients/patient-identity';
import { CipherService } from '../common/crypto/cipher.service';
import { hashPassword } from '../modules/auth/password';
import { DEMO } from './demo-data';

/**
 * Fills an empty database with the demo data documented in the README, once: it runs only when
 * there is no staff account yet, so a second start keeps everything the first one wrote.
 * Seeding writes straight to the tables in one transaction; it is the only code that does so
 * across modules, and it never runs in production.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DemoSeeder {
  @InjectDataSource()
  dataSource: DataSource;

  @Inject()
  cipherService: CipherService;

  @Inject()
  hospitals: HospitalService;

  @Inject()
  patients: PatientService;

  @Logger()
  logger: ILogger;

  async seedIfEmpty(): Promise<boolean> {
    if ((await this.dataSource.getRepository(StaffUser).count()) > 0) return false;
    const staffHashes = await Promise.all(DEMO.staff.map(s => hashPassword(s.password)));
    await this.dataSource.transaction(async m => {
      for (const c of DEMO.cities) await m.getRepository(City).insert({ id: c.id, code: c.code, name: c.name, enabled: true });
      await m.getRepository(StaffUser).insert(
        DEMO.staff.map((s, i) => ({
          username: s.username,
          displayName: s.displayName,
          passwordHash: staffHashes[i],
          roles: s.roles,
          cityIds: s.cityIds,
          status: 'active' as const,
          failedLoginCount: 0,
        }))
      );
      await this.seedHospitals(m);
      await this.seedCatalog(m);
      await this.seedEscorts(m);
      await m.getRepository(Customer).insert(
        DEMO.customers.map(c => ({
          nickname: c.nickname,
          status: 'active' as const,
          phoneEnc: this.cipherService.encrypt(c.phone),
          phoneHash: this.cipherService.phoneIndex(c.phone),
        }))
      );
      await this.seedPatients(m);
    });
    this.logger.info(
      `demo data seeded: ${DEMO.staff.length} staff, ${DEMO.cities.length} cities, ${DEMO.hospitals.length} hospitals, ` +
        `${DEMO.serviceItems.length} service items, ${DEMO.escorts.length} escorts, ${DEMO.patients.length} patients`
    );
    return true;
  }

  /** Escorts with profiles, the demo week and valid credentials (files for credentials are placeholders). */
  private async seedEscorts(m: EntityManager): Promise<void> {
    const today = toShanghaiDateString(new Date());
    const shift = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace(/-02-29$/, '-02-28');
    for (const [index, e] of DEMO.escorts.entries()) {
      const inserted = await m.getRepository(Escort).insert({
        cityId: e.cityId,
        name: e.name,
        gender: e.gender,
        level: e.level,
        status: e.status,
        phoneEnc: this.cipherService.encrypt(e.phone),
        phoneHash: this.cipherService.phoneIndex(e.phone),
        birthYear: e.birthYear,
        education: e.education,
        experienceYears: e.experienceYears,
        serviceDistricts: e.serviceDistricts,
        skills: e.skills,
        bio: e.bio,
        baseAddress: e.baseAddress,
        baseLatitudeE6: e.baseLatitude ? parseMicroDegrees(e.baseLatitude, 90) : null,
        baseLongitudeE6: e.baseLongitude ? parseMicroDegrees(e.baseLongitude, 180) : null,
      });
      if (e.status !== 'active') continue;
      const escortId = inserted.identifiers[0].id as number;
      await m.getRepository(EscortWeeklyShift).insert(DEMO.escortWeek.map(r => ({ ...r, escortId })));
      for (const c of DEMO.escortCredentials) {
        // A one-pixel placeholder stands in for the scanned certificate; its row keeps the schema honest.
        const file = await m.getRepository(EscortFile).insert({
          escortId,
          purpose: 'credential',
          storedName: `${randomBytes(16).toString('hex')}.png`,
          originalName: `${c.typeCode}.png`,
          mime: 'image/png',
          sizeBytes: 0,
          sha256: '',
          uploadedByType: 'staff',
          uploadedById: 0,
        });
        await m.getRepository(EscortCredential).insert({
          escortId,
          typeCode: c.typeCode,
          certificateNo: `${c.certificateNo}${String(index + 1).padStart(6, '0')}`,
          issuedOn: shift(today, -1),
          expiresOn: shift(today, c.years),
          fileId: file.identifiers[0].id as number,
          status: 'approved',
          reviewedAt: new Date(),
          reviewedByName: '演示数据',
        });
      }
    }
  }

  /** Items with a price in every demo city (Beijing's a little higher) and the default price rules. */
  private async seedCatalog(m: EntityManager): Promise<void> {
    const items = m.getRepository(ServiceItem);
    for (const [index, { priceFen, beijingPriceFen, ...item }] of DEMO.serviceItems.entries()) {
      const saved = await items.save(items.create({ ...item, basePriceFen: priceFen, enabled: true, sortOrder: (index + 1) * 10 }));
      await m.getRepository(ServiceCityPrice).insert(
        DEMO.cities.map(c => ({ serviceItemId: saved.id, cityId: c.id, unitPriceFen: c.code === '110100' ? beijingPriceFen : priceFen, enabled: true }))
      );
    }
    const rules = m.getRepository(PriceRule);
    for (const rule of DEMO.priceRules) await rules.save(rules.create({ ...rule, cityId: null, enabled: true }));
  }

  /** Hospitals with departments, one active notice, meeting points and step templates; indexed for search. */
  private async seedHospitals(m: EntityManager): Promise<void> {
    const second = Math.floor(Date.now() / 1000) * 1000;
    for (const h of DEMO.hospitals) {
      const saved = await m.getRepository(Hospital).save(
        m.getRepository(Hospital).create({
          cityId: h.cityId,
          name: h.name,
          alias: h.alias,
          grade: h.grade,
          address: h.address,
          latitudeE6: parseMicroDegrees(h.latitude, 90),
          longitudeE6: parseMicroDegrees(h.longitude, 180),
          phone: h.phone,
          outpatientHours: h.outpatientHours,
          visitingHours: h.visitingHours,
          intro: h.intro,
          enabled: true,
        })
      );
      const departments = await m.getRepository(HospitalDepartment).save(h.departments.map(d => ({ ...d, hospitalId: saved.id })));
      await m.getRepository(MeetingPoint).insert(h.meetingPoints.map(p => ({ ...p, hospitalId: saved.id })));
      if (h.stepTemplates.length) await m.getRepository(StepTemplate).insert(h.stepTemplates.map(t => ({ ...t, hospitalId: saved.id })));
      if ('notice' in h && h.notice) {
        const { department, ...notice } = h.notice;
        await m.getRepository(HospitalNotice).insert({
          ...notice,
          hospitalId: saved.id,
          departmentId: departments.find(d => d.name === department)?.id ?? null,
          startsAt: new Date(second - 24 * 3600_000),
          endsAt: new Date(second + 7 * 24 * 3600_000),
        });
      }
      await this.hospitals.reindex(m, saved.id);
    }
  }

  private async seedPatients(m: EntityManager): Promise<void> {
    const slots = new Map<number, number>();
    for (const p of DEMO.patients) {
      const phone = DEMO.customers[p.customer].phone;
      const customer = await m.getRepository(Customer).findOneByOrFail({ phoneHash: this.cipherService.phoneIndex(phone) });
      const slot = (slots.get(customer.id) ?? 0) + 1;
      slots.set(customer.id, slot);
      const { customer: _index, idCardFirst17, ...input } = p;
      const values = this.patients.sealedValues({ ...input, idCardNo: idCardFirst17 + idCardCheckChar(idCardFirst17) });
      await m.getRepository(Patient).insert({ ...values, customerId: customer.id, slot });
    }
  }
}
