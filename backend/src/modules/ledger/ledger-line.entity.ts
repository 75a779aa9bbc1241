import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LedgerAccount } from './ledger-postings';

const fen = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** One line of an entry: a signed amount (debit > 0, credit < 0) on an account, tagged with the order and escort it concerns. */
@Entity('ledger_lines')
@Index('idx_ledger_lines_account_order', ['account', 'orderId'])
@Index('idx_ledger_lines_account_escort', ['account', 'escortId'])
// Covering, in booking order: a settlement run reads an account's lines (escort_payable) by entry
// without touching the table rows, and writes its items in the same order.
@Index('idx_ledger_lines_account_entry', ['account', 'entryId', 'escortId', 'amountFen', 'orderId'])
export class LedgerLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_ledger_lines_entry')
  @Column({ type: 'int', name: 'entry_id' })
  entryId: number;

  @Column({ type: 'varchar', length: 32 })
  account: LedgerAccount;

  @Column({ type: 'bigint', name: 'amount_fen', transformer: fen })
  amountFen: number;

  @Column({ type: 'int', name: 'order_id', nullable: true })
  orderId: number | null;

  @Column({ type: 'int', name: 'escort_id', nullable: true })
  escortId: number | null;
}
