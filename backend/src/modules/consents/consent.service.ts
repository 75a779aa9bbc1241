import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import { CustomerConsent } from './customer-consent.entity';
import { CONSENT_DOCUMENTS, CONSENT_KINDS, ConsentKind } from './consent-documents';
import { AppError } from '../../common/errors';

export interface ConsentState {
  kind: ConsentKind;
  title: string;
  currentVersion: string;
  /** True only when the latest answer is an agreement to the current version. */
  granted: boolean;
  answeredVersion: string | null;
  answeredAt: Date | null;
}

@Provide()
@Scope(ScopeEnum.Singleton)
export class ConsentService {
  @InjectEntityModel(CustomerConsent)
  rows: Repository<CustomerConsent>;

  documents() {
    return CONSENT_KINDS.map(k => CONSENT_DOCUMENTS[k]);
  }

  async stateOf(customerId: number): Promise<ConsentState[]> {
    const rows = await this.rows.find({ where: { customerId }, order: { id: 'DESC' } });
    return CONSENT_KINDS.map(kind => {
      const doc = CONSENT_DOCUMENTS[kind];
      const latest = rows.find(r => r.kind === kind);
      return {
        kind,
        title: doc.title,
        currentVersion: doc.version,
        granted: !!latest && latest.granted && latest.version === doc.version,
        answeredVersion: latest?.version ?? null,
        answeredAt: latest?.createdAt ?? null,
      };
    });
  }

  /** Appends an answer. Agreeing to an older version than the one shown today is refused. */
  async answer(customerId: number, kind: ConsentKind, version: string, granted: boolean, ip: string): Promise<ConsentState> {
    const doc = CONSENT_DOCUMENTS[kind];
    if (granted && version !== doc.version) {
      throw new AppError(422, 'CONSENT_VERSION_OUTDATED', `《${doc.title}》已更新，请阅读最新版本后再同意`);
    }
    await this.rows.insert({ customerId, kind, version: doc.version, granted, ip: (ip || '').slice(0, 64) });
    return (await this.stateOf(customerId)).find(s => s.kind === kind) as ConsentState;
  }
}
