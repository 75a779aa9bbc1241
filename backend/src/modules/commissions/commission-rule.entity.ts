import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A dated set of commission rules. The version in force for an order is the one with the latest
 * `effective_from` at or before the order's completion. Versions are only added (a future one may
 * be withdrawn before it starts): a completed order's split never changes after the fact, and the
 * ledger's recognition entry keeps the bp and the version it used.
 */
@Entity('commission_rule_versions')
export class CommissionRuleVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('uq_commission_rule_versions_effective', { unique: true })
  @Column({ type: 'datetime', name: 'effective_from' })
  effectiveFrom: Date;

  @Column({ type: 'varchar', length: 255, default: '' })
  note: string;

  @Column({ type: 'int', name: 'created_by_id', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: 64, name: 'created_by_name', default: '' })
  createdByName: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}

/** One cell of a version: the escort's share for a level and a service category (`*` = every other category). */
@Entity('commission_rules')
@Index('uq_commission_rules_cell', ['versionId', 'escortLevel', 'categoryCode'], { unique: true })
export class CommissionRule {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'version_id' })
  versionId: number;

  @Column({ type: 'varchar', length: 16, name: 'escort_level' })
  escortLevel: string;

  @Column({ type: 'varchar', length: 32, name: 'category_code' })
  categoryCode: string;

  @Column({ type: 'int', name: 'share_bp' })
  shareBp: number;
}
