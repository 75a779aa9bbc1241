import type { ReviewDecision } from '@/services/workforce-models';
import { decisionColor, describeDecision } from './review-history';

const d = (over: Partial<ReviewDecision>): ReviewDecision => ({
  id: 1,
  subjectType: 'application',
  subjectId: 4,
  decision: 'approved',
  reason: '',
  actorType: 'staff',
  actorName: '上海运营',
  createdAt: '2026-11-23T02:00:00.000Z',
  ...over,
});

describe('review history', () => {
  it('says who decided which application and why', () => {
    expect(describeDecision(d({}), [])).toBe('上海运营通过入驻申请 #4');
    expect(describeDecision(d({ decision: 'rejected', reason: '照片模糊' }), [])).toBe('上海运营驳回入驻申请 #4：照片模糊');
  });

  it('names a credential by its type, and the expiry job as 系统', () => {
    const text = describeDecision(d({ subjectType: 'credential', subjectId: 9, decision: 'expired', actorType: 'system', actorName: '系统', reason: '已于 2026-11-01 到期' }), [
      { id: 9, typeLabel: '健康证' },
    ]);
    expect(text).toBe('系统到期失效证书「健康证」：已于 2026-11-01 到期');
    expect(decisionColor('expired')).toBe('gray');
  });
});
