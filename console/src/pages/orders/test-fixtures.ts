/** Orders as the backend answers them, for the tests of the order pages. */
import type { BoardOrder, OrderDetail, StaffOrderRow } from '@/services/models';

export const orderRow: StaffOrderRow = {
  id: 42,
  orderNo: 'PZ2611240900123456',
  status: 'pending_dispatch',
  statusLabel: '待派单',
  customerId: 7,
  cityId: 1,
  serviceItemId: 3,
  serviceName: '门诊陪诊（半天）',
  categoryCode: 'outpatient',
  hospitalId: 11,
  hospitalName: '复旦大学附属中山医院',
  departmentId: 5,
  departmentName: '心内科',
  patientId: 9,
  patientName: '张建国',
  escortId: null,
  escortName: '',
  startAt: '2026-11-24T01:00:00.000Z',
  endAt: '2026-11-24T05:00:00.000Z',
  durationMinutes: 240,
  units: 1,
  totalFen: 23800,
  paidFen: 23800,
  penaltyFen: 0,
  refundDueFen: 0,
  serviceAddress: '',
  errand: null,
  customerNote: '老人行动不便，需要轮椅',
  paymentDeadlineAt: '2026-11-23T02:15:00.000Z',
  cancelReason: '',
  createdAt: '2026-11-23T02:00:00.000Z',
  customerPhoneMasked: '138****0001',
};

export const orderDetail: OrderDetail = {
  ...orderRow,
  priceLines: [
    { kind: 'base', code: 'OUTPATIENT_HALF', label: '门诊陪诊（半天）', amountFen: 19800, detail: '¥198.00 × 1 半天' },
    { kind: 'surcharge', code: 'GRADE_3A', label: '三甲医院加价', amountFen: 6000, detail: '服务费 ¥198.00 × 30%' },
    { kind: 'discount', code: 'FIRST_ORDER', label: '首单立减', amountFen: -2000, detail: '每单 ¥20.00' },
  ],
  patient: {
    id: 9,
    name: '张建国',
    relation: 'parent',
    gender: 'male',
    age: 76,
    phoneMasked: '139****5678',
    idCardMasked: '310***********0011',
    hasHealthNotes: true,
  },
  timeline: [
    {
      action: 'create',
      fromStatus: null,
      toStatus: 'pending_payment',
      toStatusLabel: '待支付',
      actorType: 'customer',
      actorName: '客户',
      reason: '',
      at: '2026-11-23T02:00:00.000Z',
    },
    {
      action: 'pay',
      fromStatus: 'pending_payment',
      toStatus: 'pending_dispatch',
      toStatusLabel: '待派单',
      actorType: 'system',
      actorName: '系统',
      reason: '',
      at: '2026-11-23T02:03:00.000Z',
    },
    {
      action: 'reschedule',
      fromStatus: 'pending_dispatch',
      toStatus: 'pending_dispatch',
      toStatusLabel: '待派单',
      actorType: 'staff',
      actorName: '王运营',
      reason: '改约：2026-11-24 08:00 → 2026-11-24 09:00',
      at: '2026-11-23T03:00:00.000Z',
    },
  ],
  notes: [{ id: 1, authorName: '王运营', content: '已电话确认需要轮椅', createdAt: '2026-11-23T03:05:00.000Z' }],
  availableActions: ['assign', 'cancel_paid', 'cancel_forfeit'],
  reschedules: [
    {
      id: 3,
      fromStartAt: '2026-11-24T00:00:00.000Z',
      toStartAt: '2026-11-24T01:00:00.000Z',
      status: 'accepted',
      requestedByType: 'staff',
      reason: '客户要求',
      createdAt: '2026-11-23T03:00:00.000Z',
    },
  ],
  extraCharges: [
    {
      id: 5,
      description: '代买药品',
      amountFen: 4550,
      receiptUrl: '',
      status: 'pending',
      createdAt: '2026-11-23T04:00:00.000Z',
    },
  ],
};

export function boardOrder(overrides: Partial<BoardOrder> = {}): BoardOrder {
  const { customerPhoneMasked: _phone, ...view } = orderRow;
  return { ...view, unassigned: false, late: false, ...overrides };
}
