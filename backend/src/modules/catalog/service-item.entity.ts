import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PricingUnit, ServiceCategoryCode } from './catalog-codes';
import { jsonList } from './json-list.transformer';

@Entity('service_items')
export class ServiceItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 32, name: 'category_code' })
  categoryCode: ServiceCategoryCode;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'text' })
  description: string;

  /** What the service includes, one short phrase each (挂号、候诊陪同 ...). */
  @Column({ type: 'varchar', length: 2000, default: '[]', transformer: jsonList })
  includes: string[];

  /** Qualification codes (QUALIFICATIONS) an escort needs for this item. */
  @Column({ type: 'varchar', length: 500, name: 'required_qualifications', default: '[]', transformer: jsonList })
  requiredQualifications: string[];

  /** What the customer prepares (身份证复印件、缴费凭证 ...). */
  @Column({ type: 'varchar', length: 2000, default: '[]', transformer: jsonList })
  preparation: string[];

  @Column({ type: 'int', name: 'min_duration_minutes', default: 30 })
  minDurationMinutes: number;

  @Column({ type: 'int', name: 'max_duration_minutes', default: 1440 })
  maxDurationMinutes: number;

  @Column({ type: 'int', name: 'default_duration_minutes', default: 60 })
  defaultDurationMinutes: number;

  @Column({ type: 'varchar', length: 16, name: 'pricing_unit' })
  pricingUnit: PricingUnit;

  /** Default unit price in fen, proposed when a city price is first set; orders use the city price. */
  @Column({ type: 'int', name: 'base_price_fen' })
  basePriceFen: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'int', name: 'sort_order', default: 0 })
  sortOrder: number;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
