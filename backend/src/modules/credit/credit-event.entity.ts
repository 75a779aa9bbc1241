import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What moved a customer's credit:
 * completed (an order finished), late_cancel (a paid order cancelled inside the penalty window),
 * no_show, abusive_report (abusive reviews or complaints), false_info, staff_adjust (by hand,
 * with a reason), warning / suspend / restore (standing changes, delta 0 unless a behaviour
 * comes with them).
 */
export type CreditEventKind =
  | 'completed'
  | 'late_cancel'
  | 'no_show'
  | 'abusive_report'
  | 'false_info'
  | 'staff_adjust'
  | 'warning'
  | 'suspend'
  | 'restore';

export const CREDIT_EVENT_LABELS: Record<CreditEventKind, string> = {
  completed: '按时完成服务',
  late_cancel: '临近开始取消',
  no_show: '爽约',
  abusive_report: '恶意评价或投诉',
  false_info: '提供虚假信息',
  staff_adjust: '人工调整',
  warning: '警告',
  suspend: '封禁',
  restore: '解除限制',
};

/** Append-only history of a customer's credit; the score after each change is kept with it. */
@Entity('credit_events')
@Index('idx_credit_events_customer', ['customerId', 'id'])
export class CreditEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'customer_id' })
  customerId: number;

  @Column({ type: 'varchar', length: 24 })
  kind: CreditEventKind;

  @Column({ type: 'int' })
  delta: number;

  @Column({ type: 'int', name: 'score_after' })
  scoreAfter: number;

  @Column({ type: 'varchar', length: 255, default: '' })
  reason: string;

  @Column({ type: 'int', name: 'order_id', nullable: true })
  orderId: number | null;

  /**
   * Set for events the system records on its own (`order_completed:<orderId>`,
   * `late_cancel:<orderId>`): the unique key makes a repeated call count once.
   */
  @Index('uq_credit_events_source_key', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'source_key', nullable: true })
  sourceKey: string | null;

  @Column({ type: 'varchar', length: 16, name: 'actor_type' })
  actorType: 'staff' | 'system';

  @Column({ type: 'int', name: 'actor_id', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 64, name: 'actor_name' })
  actorName: string;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
