import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const FILE_PURPOSES = {
  photo: '证件照/形象照',
  id_front: '身份证人像面',
  id_back: '身份证国徽面',
  credential: '证书',
} as const;
export type FilePurpose = keyof typeof FILE_PURPOSES;

/**
 * An uploaded image or PDF of an escort. The bytes live under DATA_DIR/uploads with a generated
 * name (`storedName`), never inside a public folder; staff with `escort:review` read them through
 * the API. What the uploader called the file is kept only as a label.
 */
@Entity('escort_files')
export class EscortFile {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('idx_escort_files_escort')
  @Column({ type: 'int', name: 'escort_id' })
  escortId: number;

  @Column({ type: 'varchar', length: 16 })
  purpose: FilePurpose;

  @Index('uq_escort_files_stored_name', { unique: true })
  @Column({ type: 'varchar', length: 64, name: 'stored_name' })
  storedName: string;

  @Column({ type: 'varchar', length: 100, name: 'original_name', default: '' })
  originalName: string;

  /** Detected from the content (magic bytes), never taken from the client. */
  @Column({ type: 'varchar', length: 32 })
  mime: string;

  @Column({ type: 'int', name: 'size_bytes' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 16, name: 'uploaded_by_type' })
  uploadedByType: 'escort' | 'staff';

  @Column({ type: 'int', name: 'uploaded_by_id' })
  uploadedById: number;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
