import { AnalyticsComplaintMonthly1795464000000 } from './1795464000000-AnalyticsComplaintMonthly';
import { AnalyticsHospitalRank1795460402862 } from './1795460402862-AnalyticsHospitalRank';
import { AnalyticsQuality1795457413079 } from './1795457413079-AnalyticsQuality';
import { EscortPublicList1795457337330 } from './1795457337330-EscortPublicList';
import { TicketAutoClose1795461996339 } from './1795461996339-TicketAutoClose';
import { CreditDeposit1795461070755 } from './1795461070755-CreditDeposit';
import { KnowledgeSearch1795459432599 } from './1795459432599-KnowledgeSearch';
import { Analytics1795451223149 } from './1795451223149-Analytics';
import { Quality1795450403549 } from './1795450403549-Quality';
import { Settlements1795449934659 } from './1795449934659-Settlements';
import { PostpayReconciliation1795448968736 } from './1795448968736-PostpayReconciliation';
import { Consents1795446000846 } from './1795446000846-Consents';
import { Workforce1795445449351 } from './1795445449351-Workforce';
import { Ledger1795438535106 } from './1795438535106-Ledger';
import { Payments1795436469669 } from './1795436469669-Payments';
import { Orders1795433436842 } from './1795433436842-Orders';
import { Catalog1795433038942 } from './1795433038942-Catalog';
import { HospitalsPatients1795432903857 } from './1795432903857-HospitalsPatients';
import { Init1795425118891 } from './1795425118891-Init';
/**
 * Every migration, in order. `npm run migration:generate -w backend -- <Name>` writes a new file
 * here and appends it to this list; nothing else changes the schema.
 */
export const MIGRATIONS: Function[] = [
  Init1795425118891,
  HospitalsPatients1795432903857,
  Catalog1795433038942,
  Orders1795433436842,
  Payments1795436469669,
  Ledger1795438535106,
  Workforce1795445449351,
  Consents1795446000846,
  PostpayReconciliation1795448968736,
  Settlements1795449934659,
  Quality1795450403549,
  Analytics1795451223149,
  EscortPublicList1795457337330,
  AnalyticsQuality1795457413079,
  AnalyticsHospitalRank1795460402862,
  KnowledgeSearch1795459432599,
  CreditDeposit1795461070755,
  TicketAutoClose1795461996339,
  AnalyticsComplaintMonthly1795464000000,
];
