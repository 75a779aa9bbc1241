import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn()
  id: number;

  /** AES-256-GCM ciphertext of the phone number (FieldCipher). */
  @Column({ type: 'varchar', length: 255, name: 'phone_enc' })
  phoneEnc: string;

  /** Blind index (HMAC) of the phone number: exact lookups without decrypting every row. */
  @Index('uq_customers_phone_hash', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'phone_hash' })
  phoneHash: string;

  @Column({ type: 'varchar', length: 32 })
  nickname: string;

  @Column({ type: 'varchar', length: 255, name: 'avatar_url', nullable: true })
  avatarUrl: string | null;

  @Index('uq_customers_wechat_openid', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'wechat_openid', nullable: true })
  wechatOpenid: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: 'active' | 'suspended';

  @Index('idx_customers_created_at')
  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
