import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One row per settings group; `value` is JSON validated against the group's schema before it is written. */
@Entity('settings')
export class Setting {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;

  @Column({ type: 'varchar', length: 64, name: 'updated_by' })
  updatedBy: string;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
