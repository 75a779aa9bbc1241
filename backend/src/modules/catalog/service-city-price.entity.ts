import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An item is offered in a city only while it has an enabled row here; the row holds that city's unit price. */
@Entity('service_city_prices')
@Index('uq_service_city_prices_item_city', ['serviceItemId', 'cityId'], { unique: true })
export class ServiceCityPrice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'service_item_id' })
  serviceItemId: number;

  @Index('idx_service_city_prices_city')
  @Column({ type: 'int', name: 'city_id' })
  cityId: number;

  @Column({ type: 'int', name: 'unit_price_fen' })
  unitPriceFen: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
