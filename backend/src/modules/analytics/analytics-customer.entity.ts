import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per paying customer: their first paid order (earliest paid time, then lowest id) and how
 * many paid orders they have. New and repeat customers are counted from it on the first order's
 * day and dimensions, so "new" needs no DISTINCT over orders at read time.
 */
@Entity('analytics_customers')
export class AnalyticsCustomer {
  @PrimaryColumn({ type: 'int', name: 'customer_id' })
  customerId: number;

  @Column({ type: 'int', name: 'first_order_id' })
  firstOrderId: number;

  @Column({ type: 'datetime', name: 'first_paid_at' })
  firstPaidAt: Date;

  @Column({ type: 'int', name: 'city_id' })
  cityId: number;

  @Column({ type: 'varchar', length: 32, name: 'category_code' })
  categoryCode: string;

  @Column({ type: 'int', name: 'hospital_id' })
  hospitalId: number;

  @Column({ type: 'int', name: 'paid_orders' })
  paidOrders: number;
}
