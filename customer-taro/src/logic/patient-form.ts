import { isValidPhone, normalizePhone } from './validators'

/** The patient form as the page holds it (all strings), and what POST/PUT /api/app/patients take. */
export interface PatientForm {
  name: string
  relation: string
  gender: string
  birthDate: string
  phone: string
  idCardNo: string
  allergies: string
  chronicConditions: string
  medications: string
  emergencyContactName: string
  emergencyContactPhone: string
}

export const RELATIONS = [
  { value: 'self', label: '本人' },
  { value: 'parent', label: '父母' },
  { value: 'spouse', label: '配偶' },
  { value: 'child', label: '子女' },
  { value: 'other', label: '其他' },
]

export const GENDERS = [
  { value: 'female', label: '女' },
  { value: 'male', label: '男' },
]

export const EMPTY_PATIENT: PatientForm = {
  name: '',
  relation: 'parent',
  gender: 'female',
  birthDate: '',
  phone: '',
  idCardNo: '',
  allergies: '',
  chronicConditions: '',
  medications: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
}

type Loaded = Partial<Record<keyof PatientForm, string | null>>

/** A patient from the API into the form (nulls become empty strings). */
export function toPatientForm(p: Loaded): PatientForm {
  const out = { ...EMPTY_PATIENT }
  for (const key of Object.keys(EMPTY_PATIENT) as (keyof PatientForm)[]) {
    const v = p[key]
    if (typeof v === 'string') out[key] = v
  }
  return out
}

export function hasHealthNotes(f: PatientForm): boolean {
  return [f.allergies, f.chronicConditions, f.medications].some((v) => v.trim() !== '')
}

/** The first problem a customer must fix, or the request body. */
export function patientBody(f: PatientForm): { error: string } | { body: Record<string, string | null> } {
  const name = f.name.trim()
  if (!name) return { error: '请填写就诊人姓名' }
  const phone = normalizePhone(f.phone)
  if (!isValidPhone(phone)) return { error: '请填写正确的就诊人手机号' }
  if (f.birthDate && !/^\d{4}-\d{2}-\d{2}$/.test(f.birthDate)) return { error: '出生日期格式应为 YYYY-MM-DD' }
  const idCard = f.idCardNo.trim().toUpperCase()
  if (idCard && !/^\d{17}[\dX]$/.test(idCard)) return { error: '身份证号应为 18 位' }
  const emergencyPhone = normalizePhone(f.emergencyContactPhone)
  if (emergencyPhone && !isValidPhone(emergencyPhone)) return { error: '请填写正确的紧急联系人电话' }
  const body: Record<string, string | null> = {
    name,
    relation: f.relation,
    phone,
    idCardNo: idCard || null,
    allergies: f.allergies.trim(),
    chronicConditions: f.chronicConditions.trim(),
    medications: f.medications.trim(),
    emergencyContactName: f.emergencyContactName.trim(),
    emergencyContactPhone: emergencyPhone,
  }
  // With an ID number the server derives gender and birth date from it.
  if (!idCard) {
    body.gender = f.gender
    body.birthDate = f.birthDate || null
  }
  return { body }
}
