import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SettlementCadence } from './settlement-periods';
import type { SettlementItemKind } from './settlement-math';

const fen = { to: (v: number) => v, from: (v: string | number) => Number(v) };

export type SettlementRunStatus = 'draft' | 'confirmed' | 'paid';
export const SETTLEMENT_RUN_STATUSES: Record<SettlementRunStatus, string> = { draft: '草稿', confirmed: '已确认', paid: '已打款' };

/**
 * One settlement run per period (`period_key` unique: the same period cannot be run twice).
 * draft → recomputable; confirmed → immutable (its lines and items never change again);
 * paid → every escort with something payable has their payout.
 */
@Entity('settlement_runs')
export class SettlementRun {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 10 })
  cadence: SettlementCadence;

  @Index('uq_settlement_runs_period_key', { unique: true })
  @Column({ type: 'varchar', length: 16, name: 'period_key' })
  periodKey: string;

  @Index('uq_settlement_runs_period_start', { unique: true })
  @Column({ type: 'datetime', name: 'period_start' })
  periodStart: Date;

  @Column({ type: 'datetime', name: 'period_end' })
  periodEnd: Date;

  @Column({ type: 'varchar', length: 12 })
  status: SettlementRunStatus;

  @Column({ type: 'int', name: 'escort_count', default: 0 })
  escortCount: number;

  @Column({ type: 'int', name: 'order_count', default: 0 })
  orderCount: number;

  @Column({ type: 'bigint', name: 'gross_fen', default: 0, transformer: fen })
  grossFen: number;

  @Column({ type: 'bigint', name: 'share_fen', default: 0, transformer: fen })
  shareFen: number;

  @Column({ type: 'bigint', name: 'deductions_fen', default: 0, transformer: fen })
  deductionsFen: number;

  @Column({ type: 'bigint', name: 'adjustments_fen', default: 0, transformer: fen })
  adjustmentsFen: number;

  @Column({ type: 'bigint', name: 'net_fen', default: 0, transformer: fen })
  netFen: number;

  @Column({ type: 'bigint', name: 'payable_fen', default: 0, transformer: fen })
  payableFen: number;

  @Column({ type: 'bigint', name: 'paid_fen', default: 0, transformer: fen })
  paidFen: number;

  @Column({ type: 'int', name: 'computed_count', default: 0 })
  computedCount: number;

  @Column({ type: 'datetime', name: 'computed_at', nullable: true })
  computedAt: Date | null;

  @Column({ type: 'int', name: 'created_by_id', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'created_by_name', default: '' })
  createdByName: string;

  @Column({ type: 'datetime', name: 'confirmed_at', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'varchar', length: 64, name: 'confirmed_by_name', default: '' })
  confirmedByName: string;

  @Column({ type: 'datetime', name: 'paid_at', nullable: true })
  paidAt: Date | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}

/** One escort's statement in a run. */
@Entity('settlement_lines')
@Index('uq_settlement_lines_run_escort', ['runId', 'escortId'], { unique: true })
@Index('idx_settlement_lines_escort', ['escortId', 'runId'])
export class SettlementLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'run_id' })
  runId: number;

  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Column({ type: 'varchar', length: 32, name: 'escort_name', default: '' })
  escortName: string;

  @Column({ type: 'int', name: 'order_count', default: 0 })
  orderCount: number;

  @Column({ type: 'int', name: 'item_count', default: 0 })
  itemCount: number;

  @Column({ type: 'bigint', name: 'gross_fen', default: 0, transformer: fen })
  grossFen: number;

  @Column({ type: 'bigint', name: 'share_fen', default: 0, transformer: fen })
  shareFen: number;

  @Column({ type: 'bigint', name: 'refund_fen', default: 0, transformer: fen })
  refundFen: number;

  @Column({ type: 'bigint', name: 'deduction_fen', default: 0, transformer: fen })
  deductionFen: number;

  @Column({ type: 'bigint', name: 'adjustment_fen', default: 0, transformer: fen })
  adjustmentFen: number;

  @Column({ type: 'bigint', name: 'carried_in_fen', default: 0, transformer: fen })
  carriedInFen: number;

  @Column({ type: 'bigint', name: 'net_fen', default: 0, transformer: fen })
  netFen: number;

  @Column({ type: 'bigint', name: 'payable_fen', default: 0, transformer: fen })
  payableFen: number;

  @Column({ type: 'bigint', name: 'carried_forward_fen', default: 0, transformer: fen })
  carriedForwardFen: number;

  @Column({ type: 'bigint', name: 'paid_fen', default: 0, transformer: fen })
  paidFen: number;
}

/**
 * What a line is made of: one escort_payable ledger line each. `ledger_line_id` is unique, so a
 * ledger movement is settled in exactly one run; a refund that comes after its order's run was
 * confirmed is a new ledger line and lands in the next run as an adjustment.
 */
@Entity('settlement_items')
// Covering: a run's per-escort sums and an escort's drill-down read the index alone.
@Index('idx_settlement_items_run_escort', ['runId', 'escortId', 'kind', 'amountFen', 'grossFen'])
export class SettlementItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'run_id' })
  runId: number;

  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Index('uq_settlement_items_ledger_line', { unique: true })
  @Column({ type: 'int', name: 'ledger_line_id' })
  ledgerLineId: number;

  @Column({ type: 'int', name: 'entry_id' })
  entryId: number;

  @Column({ type: 'varchar', length: 32, name: 'source_type' })
  sourceType: string;

  @Column({ type: 'varchar', length: 64, name: 'source_id' })
  sourceId: string;

  @Column({ type: 'int', name: 'order_id', nullable: true })
  orderId: number | null;

  @Column({ type: 'varchar', length: 12 })
  kind: SettlementItemKind;

  /** Escort's view: positive = owed to the escort. */
  @Column({ type: 'bigint', name: 'amount_fen', transformer: fen })
  amountFen: number;

  @Column({ type: 'bigint', name: 'gross_fen', default: 0, transformer: fen })
  grossFen: number;

  @Column({ type: 'int', name: 'share_bp', nullable: true })
  shareBp: number | null;

  @Column({ type: 'datetime', name: 'booked_at' })
  bookedAt: Date;
}

/**
 * A payout: money sent to an escort for one run. Unique per line and per (escort, period), so a
 * second payout for the same statement or period is refused by the database itself.
 */
@Entity('settlement_payouts')
@Index('uq_settlement_payouts_escort_period', ['escortId', 'periodKey'], { unique: true })
export class SettlementPayout {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_settlement_payouts_run')
  @Column({ type: 'int', name: 'run_id' })
  runId: number;

  @Index('uq_settlement_payouts_line', { unique: true })
  @Column({ type: 'int', name: 'line_id' })
  lineId: number;

  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Column({ type: 'varchar', length: 16, name: 'period_key' })
  periodKey: string;

  @Column({ type: 'bigint', name: 'amount_fen', transformer: fen })
  amountFen: number;

  /** The bank or wallet transfer's reference, as finance entered or imported it. */
  @Index('uq_settlement_payouts_reference', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'reference_no' })
  referenceNo: string;

  @Column({ type: 'varchar', length: 16, default: 'bank_transfer' })
  method: string;

  @Column({ type: 'datetime', name: 'paid_at' })
  paidAt: Date;

  @Column({ type: 'varchar', length: 255, default: '' })
  note: string;

  @Column({ type: 'int', name: 'recorded_by_id', nullable: true })
  recordedById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'recorded_by_name', default: '' })
  recordedByName: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}

export type EscortDeductionKind = 'penalty' | 'compensation';
export const ESCORT_DEDUCTION_KINDS: Record<EscortDeductionKind, string> = { penalty: '罚款', compensation: '赔偿（客户补偿由陪诊师承担）' };

/** A penalty or compensation charged to an escort; posted to the ledger at once and deducted in the next run. Never edited. */
@Entity('escort_deductions')
export class EscortDeduction {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_escort_deductions_escort')
  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: EscortDeductionKind;

  @Column({ type: 'bigint', name: 'amount_fen', transformer: fen })
  amountFen: number;

  @Column({ type: 'int', name: 'order_id', nullable: true })
  orderId: number | null;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column({ type: 'int', name: 'created_by_id', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'created_by_name', default: '' })
  createdByName: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
