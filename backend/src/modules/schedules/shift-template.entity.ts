import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WeeklyRange } from './shift-calendar';

/** A named weekly pattern (早班, 全天班 ...) that staff apply to many escorts at once; applying copies it. */
@Entity('shift_templates')
export class ShiftTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  name: string;

  /** JSON WeeklyRange[]. */
  @Column({ type: 'text', name: 'ranges' })
  rangesJson: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}

export function rangesOf(t: ShiftTemplate): WeeklyRange[] {
  return JSON.parse(t.rangesJson) as WeeklyRange[];
}
