import { isValidPhone, isValidSmsCode, maskPhone, normalizePhone, validateSmsLogin } from './validators'

describe('phone validation', () => {
  it.each(['13800000001', '19912345678', '15012345678'])('accepts the mainland mobile number %s', (phone) => {
    expect(isValidPhone(phone)).toBe(true)
  })

  it.each([
    ['too short', '1380000000'],
    ['too long', '138000000012'],
    ['starting with 12', '12800000001'],
    ['starting with 2', '23800000001'],
    ['containing letters', '1380000000a'],
    ['empty', ''],
  ])('rejects a number that is %s', (_why, phone) => {
    expect(isValidPhone(phone)).toBe(false)
  })

  it('accepts a number typed with spaces, dashes or a +86 prefix, and normalizes it to 11 digits', () => {
    expect(normalizePhone(' 138 0000-0001 ')).toBe('13800000001')
    expect(normalizePhone('+8613800000001')).toBe('13800000001')
    expect(normalizePhone('8613800000001')).toBe('13800000001')
    expect(isValidPhone('+86 138 0000 0001')).toBe(true)
  })

  it('masks the middle four digits for display', () => {
    expect(maskPhone('13800000001')).toBe('138****0001')
  })
})

describe('SMS code validation', () => {
  it('accepts exactly six digits', () => {
    expect(isValidSmsCode('123456')).toBe(true)
    expect(isValidSmsCode(' 000000 ')).toBe(true)
  })

  it.each(['12345', '1234567', '12a456', '', '１２３４５６'])('rejects %p', (code) => {
    expect(isValidSmsCode(code)).toBe(false)
  })
})

describe('login form validation', () => {
  it('names the first problem in the order the user fills the form', () => {
    expect(validateSmsLogin('', '')).toBe('请输入手机号')
    expect(validateSmsLogin('1380000', '')).toBe('请输入正确的 11 位手机号')
    expect(validateSmsLogin('13800000001', '')).toBe('请输入验证码')
    expect(validateSmsLogin('13800000001', '12345')).toBe('验证码为 6 位数字')
  })

  it('has nothing to say about a valid phone and code', () => {
    expect(validateSmsLogin('13800000001', '123456')).toBeNull()
  })
})
