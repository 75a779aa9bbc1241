import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PriceAmountType, PriceRuleKind, PriceRuleType } from './catalog-codes';
import type { PriceRuleParams } from './pricing';
import { jsonList, jsonObject } from './json-list.transformer';

/**
 * A surcharge or discount ops can edit. `type` decides when it applies (params hold the details),
 * `kind` which way the money moves, `amountType` + `amount` how much (always a positive number).
 * A rule for one city replaces the all-cities rule with the same code in that city.
 */
@Entity('price_rules')
@Index('uq_price_rules_code_city', ['code', 'cityId'], { unique: true })
export class PriceRule {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  /** Shown on the quote line (三甲医院加价、首单立减). */
  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  type: PriceRuleType;

  @Column({ type: 'varchar', length: 16 })
  kind: PriceRuleKind;

  @Column({ type: 'varchar', length: 8, name: 'amount_type' })
  amountType: PriceAmountType;

  /** Basis points (amountType bp) or fen (amountType fen); positive either way. */
  @Column({ type: 'int' })
  amount: number;

  @Column({ type: 'varchar', length: 1000, default: '{}', transformer: jsonObject })
  params: PriceRuleParams;

  /** Categories the rule applies to; empty means every category. */
  @Column({ type: 'varchar', length: 500, name: 'category_codes', default: '[]', transformer: jsonList })
  categoryCodes: string[];

  /** null: every city. */
  @Column({ type: 'int', name: 'city_id', nullable: true })
  cityId: number | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'int', name: 'sort_order', default: 0 })
  sortOrder: number;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
