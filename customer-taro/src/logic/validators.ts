/** Mainland China mobile numbers: 11 digits starting with 1 and a second digit 3–9. */
const PHONE_PATTERN = /^1[3-9]\d{9}$/
const SMS_CODE_PATTERN = /^\d{6}$/

/** Removes the spaces, dashes and +86 prefix people type or paste around a phone number. */
export function normalizePhone(input: string): string {
  const compact = input.replace(/[\s-]/g, '')
  return compact.replace(/^(\+?86)(?=1\d{10}$)/, '')
}

export function isValidPhone(input: string): boolean {
  return PHONE_PATTERN.test(normalizePhone(input))
}

export function isValidSmsCode(input: string): boolean {
  return SMS_CODE_PATTERN.test(input.trim())
}

/** The first problem with the login form, as the message to show, or null when it can be sent. */
export function validateSmsLogin(phone: string, code: string): string | null {
  if (!normalizePhone(phone)) return '请输入手机号'
  if (!isValidPhone(phone)) return '请输入正确的 11 位手机号'
  if (!code.trim()) return '请输入验证码'
  if (!isValidSmsCode(code)) return '验证码为 6 位数字'
  return null
}

/** Masks a phone number for display as 138****1234 (the backend usually sends it masked already). */
export function maskPhone(phone: string): string {
  const p = normalizePhone(phone)
  return PHONE_PATTERN.test(p) ? `${p.slice(0, 3)}****${p.slice(7)}` : p
}
