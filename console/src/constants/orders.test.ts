import fs from 'fs';
import path from 'path';
// The backend's own state machine: a status or action added there must be labelled here.
import {
  ORDER_STATUSES as BACKEND_STATUSES,
  ORDER_STATUS_LABELS as BACKEND_LABELS,
  ORDER_TRANSITIONS,
} from '../../../backend/src/modules/orders/order-transitions';
import { toValueEnum } from './enums';
import { ORDER_ACTION_LABEL, ORDER_STATUS, ORDER_STATUSES, PATIENT_RELATION } from './orders';

const openapi = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../backend/openapi.json'), 'utf8'));

describe('order status map', () => {
  it('has one entry for every status of the backend state machine, in the same order', () => {
    expect(ORDER_STATUSES).toEqual([...BACKEND_STATUSES]);
  });

  it('uses the backend labels word for word', () => {
    for (const status of BACKEND_STATUSES) {
      expect(ORDER_STATUS[status].label).toBe(BACKEND_LABELS[status]);
    }
  });

  it('matches the status enum the OpenAPI document gives the list filter', () => {
    const filter = openapi.paths['/api/admin/orders'].get.parameters.find((p: { name: string }) => p.name === 'status');
    expect([...filter.schema.enum].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('gives every status a colour and a badge for the ProTable filter', () => {
    const valueEnum = toValueEnum(ORDER_STATUS);
    for (const status of ORDER_STATUSES) {
      expect(ORDER_STATUS[status].color).toBeTruthy();
      expect(valueEnum[status]).toEqual({ text: ORDER_STATUS[status].label, status: ORDER_STATUS[status].status });
    }
  });
});

describe('order action labels', () => {
  it('name every action of the transition table as the backend does', () => {
    expect(Object.keys(ORDER_ACTION_LABEL).sort()).toEqual(Object.keys(ORDER_TRANSITIONS).sort());
    for (const [action, rule] of Object.entries(ORDER_TRANSITIONS)) {
      expect(ORDER_ACTION_LABEL[action as keyof typeof ORDER_ACTION_LABEL]).toBe(rule.label);
    }
  });
});

describe('patient relations', () => {
  // PATIENT_RELATIONS of backend/src/modules/patients/patient.entity.ts (an entity file with
  // TypeORM decorators, so copied here rather than imported).
  it('label every relation the backend stores', () => {
    expect(Object.fromEntries(Object.entries(PATIENT_RELATION).map(([k, v]) => [k, v.label]))).toEqual({
      self: '本人',
      parent: '父母',
      spouse: '配偶',
      child: '子女',
      other: '其他',
    });
  });
});
