/** Workforce answers as the backend gives them, for the page tests. */
import { brief } from '@/pages/dispatch/test-fixtures';
import type { ApplicationDetail, LeaveDetail, ShiftTemplate, TeamCalendar } from '@/services/workforce-models';

export const leave: LeaveDetail = {
  id: 5,
  escortId: 1,
  escortName: '李静',
  cityId: 1,
  type: 'sick',
  typeLabel: '病假',
  startAt: '2026-11-24T00:00:00.000Z',
  endAt: '2026-11-25T00:00:00.000Z',
  reason: '发烧',
  status: 'pending',
  statusLabel: '待审批',
  source: 'escort',
  createdByName: '李静',
  decidedAt: null,
  decidedByName: '',
  decisionReason: '',
  returnedOrders: 0,
  createdAt: '2026-11-23T02:00:00.000Z',
  collisions: [{ ...brief({ id: 77, orderNo: 'PZ-CLASH', status: 'accepted', statusLabel: '已接单', escortId: 1 }), canReturnToPool: true }],
};

export const application: ApplicationDetail = {
  id: 4,
  escortId: 9,
  escortName: '待审核',
  cityId: 1,
  status: 'pending',
  statusLabel: '待审核',
  realName: '周芳',
  gender: 'female',
  birthYear: 1988,
  idCardMasked: '310***********0021',
  idFrontFileId: 11,
  idBackFileId: 12,
  photoFileId: null,
  education: 'college',
  educationLabel: '大专',
  experienceYears: 3,
  serviceDistricts: ['徐汇区'],
  skills: ['老年', '沪语'],
  bio: '做过三年护工',
  submittedAt: '2026-11-23T02:00:00.000Z',
  decidedAt: null,
  decidedByName: '',
  decisionReason: '',
  files: { idFront: '/api/admin/escort-files/11', idBack: '/api/admin/escort-files/12', photo: null },
  escort: { phoneMasked: '139****0009', cityName: '上海' } as ApplicationDetail['escort'],
  credentials: [
    {
      id: 3,
      escortId: 9,
      typeCode: 'health_cert',
      typeLabel: '健康证',
      certificateNo: 'JK-001',
      issuedOn: '2026-01-01',
      expiresOn: '2026-12-01',
      status: 'pending',
      statusLabel: '待审核',
      validToday: false,
      fileId: 13,
      fileUrl: '/api/admin/escort-files/13',
      reviewedAt: null,
      reviewedByName: '',
      rejectReason: '',
      createdAt: '2026-11-23T02:00:00.000Z',
    },
  ],
  history: [],
};

export const team: TeamCalendar = {
  from: '2026-11-23',
  to: '2026-11-29',
  total: 1,
  page: 1,
  pageSize: 20,
  list: [
    {
      escortId: 1,
      name: '李静',
      level: 'senior',
      levelLabel: '中级',
      weekly: [{ weekday: 1, start: '08:00', end: '17:00' }],
      days: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'].map((date, i) => ({
        date,
        weekday: i + 1,
        weekdayLabel: '',
        ranges: i === 1 ? [] : [{ start: '08:00', end: '17:00' }],
        exceptions:
          i === 1
            ? [{ id: 9, escortId: 1, date, kind: 'off' as const, kindLabel: '休息', start: null, end: null, wholeDay: true, note: '体检', createdByName: '上海运营', createdAt: '2026-11-20T02:00:00.000Z' }]
            : [],
      })),
    },
  ],
};

export const templates: ShiftTemplate[] = [{ id: 2, name: '工作日白班', ranges: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })), updatedAt: '2026-11-20T02:00:00.000Z' }];
