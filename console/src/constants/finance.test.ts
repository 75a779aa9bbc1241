import fs from 'fs';
import path from 'path';
import { toValueEnum } from './enums';
import { PAYMENT_CHANNEL, PAYMENT_STATUS, REFUND_STATUS } from './finance';

/** The members of `export type <name> = 'a' | 'b';` in a backend file (entity files carry TypeORM decorators, so they are read, not imported). */
function backendUnion(file: string, name: string): string[] {
  const text = fs.readFileSync(path.join(__dirname, '../../../backend/src/modules/payments', file), 'utf8');
  const match = text.match(new RegExp(`export type ${name} = ([^;]+);`));
  if (!match) throw new Error(`${name} not found in ${file}`);
  return [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1]).sort();
}

describe('payment status map', () => {
  it('labels exactly the statuses the backend stores', () => {
    expect(Object.keys(PAYMENT_STATUS).sort()).toEqual(backendUnion('payment.entity.ts', 'PaymentStatus'));
  });

  it('labels every channel the backend knows', () => {
    expect(Object.keys(PAYMENT_CHANNEL).sort()).toEqual(backendUnion('payment-gateway.ts', 'PaymentChannel'));
  });
});

describe('refund status map', () => {
  // The backend is adding awaiting_approval and rejected with the approval routes; until that
  // lands its union is a subset of this map, afterwards equal to it.
  it('labels every status the backend stores', () => {
    for (const status of backendUnion('refund.entity.ts', 'RefundStatus')) expect(Object.keys(REFUND_STATUS)).toContain(status);
  });

  it('includes the approval step', () => {
    expect(REFUND_STATUS.awaiting_approval.label).toBe('待审批');
    expect(REFUND_STATUS.rejected.label).toBe('已驳回');
  });

  it('gives every status a colour and a ProTable badge', () => {
    const valueEnum = toValueEnum(REFUND_STATUS);
    for (const [status, entry] of Object.entries(REFUND_STATUS)) {
      expect(entry.color).toBeTruthy();
      expect(valueEnum[status]).toEqual({ text: entry.label, status: entry.status });
    }
    expect(Object.keys(toValueEnum(PAYMENT_STATUS))).toEqual(['pending', 'succeeded', 'closed', 'failed']);
  });
});
