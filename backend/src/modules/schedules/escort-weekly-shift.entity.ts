import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One range of an escort's weekly template: on `weekday` (1 = Monday … 7 = Sunday) from
 * `startMinute` to `endMinute` minutes after Shanghai midnight (1440 = 24:00). A day may have
 * several ranges; they never overlap (checked when the template is saved).
 */
@Entity('escort_weekly_shifts')
@Index('idx_escort_weekly_shifts_day', ['weekday', 'escortId'])
export class EscortWeeklyShift {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_escort_weekly_shifts_escort')
  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Column({ type: 'int' })
  weekday: number;

  @Column({ type: 'int', name: 'start_minute' })
  startMinute: number;

  @Column({ type: 'int', name: 'end_minute' })
  endMinute: number;
}
