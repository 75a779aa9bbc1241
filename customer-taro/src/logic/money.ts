/**
 * Money arrives from the API as integer fen; this is the one place it becomes text.
 * Integer arithmetic only, so 0.1 + 0.2 style float errors can never show up in a price.
 */
export function formatFen(fen: number): string {
  if (!Number.isFinite(fen) || !Number.isInteger(fen)) return '¥--'
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}¥${yuan.toLocaleString('en-US')}.${cents}`
}
