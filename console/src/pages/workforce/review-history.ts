/** The review history as people read it: who decided what, about which application or credential. */
import type { Credential, ReviewDecision } from '@/services/workforce-models';

const DECISION_LABEL: Record<ReviewDecision['decision'], string> = { approved: '通过', rejected: '驳回', expired: '到期失效' };

export function decisionColor(d: ReviewDecision['decision']): string {
  return d === 'approved' ? 'green' : d === 'rejected' ? 'red' : 'gray';
}

export function describeDecision(d: ReviewDecision, credentials: Pick<Credential, 'id' | 'typeLabel'>[]): string {
  const subject =
    d.subjectType === 'application'
      ? `入驻申请 #${d.subjectId}`
      : `证书「${credentials.find((c) => c.id === d.subjectId)?.typeLabel ?? `#${d.subjectId}`}」`;
  const who = d.actorType === 'system' ? '系统' : d.actorName || '审核员';
  return `${who}${DECISION_LABEL[d.decision]}${subject}${d.reason ? `：${d.reason}` : ''}`;
}
