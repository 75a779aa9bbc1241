import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const PATIENT_RELATIONS = {
  self: '本人',
  parent: '父母',
  spouse: '配偶',
  child: '子女',
  other: '其他',
} as const;
export type PatientRelation = keyof typeof PATIENT_RELATIONS;
export const PATIENT_RELATION_CODES = Object.keys(PATIENT_RELATIONS) as PatientRelation[];

export const GENDERS = { male: '男', female: '女' } as const;
export type Gender = keyof typeof GENDERS;

/**
 * A person a customer books for (就诊人). Everything personal beyond name, relation, gender and
 * birth date is sealed with CipherService (`*_enc` columns); the ID number also has a blind index
 * so one customer cannot add the same person twice.
 */
@Entity('patients')
@Index('uq_patients_customer_slot', ['customerId', 'slot'], { unique: true })
@Index('uq_patients_customer_id_card', ['customerId', 'idCardHash'], { unique: true })
export class Patient {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'customer_id' })
  customerId: number;

  /**
   * 1..PATIENT_LIMIT while the patient exists, null once deleted. The unique key on
   * (customer_id, slot) is what enforces the limit: two concurrent creates cannot take the same slot.
   */
  @Column({ type: 'int', nullable: true })
  slot: number | null;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  relation: PatientRelation;

  @Column({ type: 'varchar', length: 8 })
  gender: Gender;

  /** YYYY-MM-DD (a calendar date, no time zone). */
  @Column({ type: 'varchar', length: 10, name: 'birth_date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'varchar', length: 255, name: 'phone_enc' })
  phoneEnc: string;

  @Column({ type: 'varchar', length: 255, name: 'id_card_enc', nullable: true })
  idCardEnc: string | null;

  /** Blind index of the ID number; cleared on delete so the person can be added again. */
  @Column({ type: 'varchar', length: 64, name: 'id_card_hash', nullable: true })
  idCardHash: string | null;

  @Column({ type: 'text', name: 'allergies_enc', nullable: true })
  allergiesEnc: string | null;

  @Column({ type: 'text', name: 'chronic_conditions_enc', nullable: true })
  chronicConditionsEnc: string | null;

  @Column({ type: 'text', name: 'medications_enc', nullable: true })
  medicationsEnc: string | null;

  @Column({ type: 'varchar', length: 255, name: 'emergency_contact_name_enc', nullable: true })
  emergencyContactNameEnc: string | null;

  @Column({ type: 'varchar', length: 255, name: 'emergency_contact_phone_enc', nullable: true })
  emergencyContactPhoneEnc: string | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;

  @DeleteDateColumn({ type: 'datetime', name: 'deleted_at', nullable: true })
  deletedAt: Date | null;
}
