import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The ordered steps of one service category at one hospital ("在 2 号门集合 → 1 楼自助挂号 → ..."). */
@Entity('hospital_step_templates')
@Index('uq_hospital_step_templates_category', ['hospitalId', 'categoryCode'], { unique: true })
export class StepTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'hospital_id' })
  hospitalId: number;

  /** A service category code from catalog-codes.ts. */
  @Column({ type: 'varchar', length: 32, name: 'category_code' })
  categoryCode: string;

  /** JSON array of step texts, in order. */
  @Column({ type: 'simple-json' })
  steps: string[];

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
