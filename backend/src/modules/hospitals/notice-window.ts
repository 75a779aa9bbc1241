import type { NoticeStatus } from './dto/hospital.dto';

/** A notice is shown while now ∈ [startsAt, endsAt): it starts on its first instant and is gone at its end. */
export function noticeStatus(n: { startsAt: Date; endsAt: Date }, now: Date): NoticeStatus {
  if (now.getTime() < n.startsAt.getTime()) return 'upcoming';
  if (now.getTime() < n.endsAt.getTime()) return 'active';
  return 'expired';
}
