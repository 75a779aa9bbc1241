import { LIVE_STATUS_LABELS, UNAVAILABLE_REASONS } from '../../../backend/src/modules/dispatch/availability';
import { SCORE_WEIGHTS } from '../../../backend/src/modules/dispatch/ranking';
import { LEAVE_STATUS, LIVE_STATUS, SCORE_PART } from './workforce';

// Entity files (statuses of applications, credentials, leave) carry TypeORM decorators that the
// console's test transformer does not run, so only the backend's plain modules are compared here.
describe('workforce labels', () => {
  it('name every live status the backend derives, with its words', () => {
    expect(Object.fromEntries(Object.entries(LIVE_STATUS).map(([k, v]) => [k, v.label]))).toEqual(LIVE_STATUS_LABELS);
  });

  it('show every part of the dispatch score with the weight the backend gives it', () => {
    for (const [part, { max }] of Object.entries(SCORE_PART)) {
      expect(SCORE_WEIGHTS[part as keyof typeof SCORE_WEIGHTS]).toBe(max);
    }
    const total = Object.values(SCORE_PART).reduce((sum, p) => sum + p.max, 0);
    expect(total).toBe(120);
  });

  it('leave the reasons an escort cannot be dispatched to the backend, which sends them with labels', () => {
    expect(Object.keys(UNAVAILABLE_REASONS)).toContain('outside_shift');
    expect(Object.keys(LEAVE_STATUS).sort()).toEqual(['approved', 'cancelled', 'pending', 'rejected']);
  });
});
