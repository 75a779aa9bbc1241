import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last send per phone. The one-per-minute rule is a compare-and-swap on this row, so two
 * concurrent requests (even on different backend processes) cannot both send.
 */
@Entity('sms_throttles')
export class SmsThrottle {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'phone_hash' })
  phoneHash: string;

  @Column({ type: 'datetime', name: 'last_sent_at' })
  lastSentAt: Date;
}
