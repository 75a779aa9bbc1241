import { EMPTY_PATIENT, hasHealthNotes, patientBody, toPatientForm } from './patient-form'

const form = { ...EMPTY_PATIENT, name: ' 王秀英 ', phone: '139 0000 0003', birthDate: '1952-06-18' }

describe('the patient form', () => {
  it('builds the body with trimmed values, gender and birth date when there is no ID number', () => {
    expect(patientBody(form)).toEqual({
      body: expect.objectContaining({ name: '王秀英', phone: '13900000003', gender: 'female', birthDate: '1952-06-18', idCardNo: null }),
    })
  })

  it('leaves gender and birth date to the server when an ID number is given', () => {
    const res = patientBody({ ...form, idCardNo: '31010419560820001x' }) as { body: Record<string, unknown> }
    expect(res.body.idCardNo).toBe('31010419560820001X')
    expect(res.body).not.toHaveProperty('gender')
  })

  it('names the first thing to fix', () => {
    expect(patientBody({ ...form, name: ' ' })).toEqual({ error: '请填写就诊人姓名' })
    expect(patientBody({ ...form, phone: '123' })).toEqual({ error: '请填写正确的就诊人手机号' })
    expect(patientBody({ ...form, idCardNo: '123' })).toEqual({ error: '身份证号应为 18 位' })
  })

  it('reads a loaded patient with nulls and knows when it carries health notes', () => {
    const f = toPatientForm({ name: '张建国', idCardNo: null, allergies: '青霉素过敏' })
    expect(f.idCardNo).toBe('')
    expect(hasHealthNotes(f)).toBe(true)
    expect(hasHealthNotes(EMPTY_PATIENT)).toBe(false)
  })
})
