import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { CustomerService } from '../users/customer.service';
import { EscortService } from '../escorts/escort.service';
import { HospitalService } from '../hospitals/hospital.service';
import { CatalogService } from '../catalog/catalog.service';
import { StaffUserService } from '../users/staff-user.service';
import { AuthService } from '../auth/auth.service';
import { SmsCodeService } from '../auth/sms-code.service';
import { AuditService } from '../audit/audit.service';
import { startOfShanghaiDay, toShanghaiDateString } from '../../common/time';

/** Today's counts for the console home page, read live from each module (the data is small so far). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DashboardService {
  @Inject() customers: CustomerService;
  @Inject() escorts: EscortService;
  @Inject() hospitals: HospitalService;
  @Inject() catalog: CatalogService;
  @Inject() staffUsers: StaffUserService;
  @Inject() auth: AuthService;
  @Inject() sms: SmsCodeService;
  @Inject() audit: AuditService;

  async today(cityIds: number[] | null) {
    const now = new Date();
    const since = startOfShanghaiDay(now);
    const [customers, escorts, hospitalsTotal, serviceItemsTotal, staffLoginsToday, failedLoginsToday, smsSentToday, auditEventsToday] =
      await Promise.all([
        this.customers.counts(since),
        this.escorts.counts(cityIds),
        this.hospitals.count(cityIds),
        this.catalog.countItems(),
        this.staffUsers.countLoginsSince(since),
        this.auth.countFailedSince(since),
        this.sms.countSentSince(since),
        this.audit.countSince(since),
      ]);
    return {
      date: toShanghaiDateString(now),
      customersTotal: customers.total,
      customersNewToday: customers.newSince,
      escortsTotal: escorts.total,
      escortsActive: escorts.active,
      hospitalsTotal,
      serviceItemsTotal,
      staffLoginsToday,
      failedLoginsToday,
      smsSentToday,
      auditEventsToday,
    };
  }
}
