/**
 * Masking of personal data for lists, logs and audit snapshots (`138****1234`). Showing a value
 * whole needs a permission and an audit row; these helpers are what everyone else sees.
 *
 * Characters are counted as Unicode code points, so Chinese names and emoji are never split into
 * broken surrogate halves. Values too short to keep their usual visible ends reveal less, never
 * more: a masked value always hides at least a fixed number of characters.
 */

type MaybeString = string | null | undefined;
/** null and undefined pass through unchanged; any string comes back masked. */
export type Masked<T extends MaybeString> = T extends string ? string : T;

export type MaskKind = 'phone' | 'idCard' | 'name' | 'email' | 'secret';
export type MaskFields = Record<string, MaskKind>;

const SECRET_MASK = '***';

/**
 * Keeps `keepStart` and `keepEnd` characters and stars the rest, but always hides at least
 * `minHidden`: for short input the kept start goes first, then the kept end shrinks.
 */
function maskMiddle(value: string, keepStart: number, keepEnd: number, minHidden: number): string {
  const chars = Array.from(value);
  const length = chars.length;
  let start = keepStart;
  let end = keepEnd;
  if (length - start - end < minHidden) start = 0;
  if (length - start - end < minHidden) end = Math.max(0, length - minHidden);
  return chars.slice(0, start).join('') + '*'.repeat(length - start - end) + chars.slice(length - end).join('');
}

function nullSafe(mask: (value: string) => string) {
  return <T extends MaybeString>(value: T): Masked<T> =>
    (typeof value === 'string' ? mask(value) : value) as Masked<T>;
}

/** `13812341234` → `138****1234`: first 3 and last 4 kept, at least 4 hidden. */
export const maskPhone = nullSafe((value) => maskMiddle(value, 3, 4, 4));

/** `110101199003071234` → `110101********1234`: region code and last 4 kept, the birth date always hidden. */
export const maskIdCard = nullSafe((value) => maskMiddle(value, 6, 4, 8));

/** `张三丰` → `张**`, `张三` → `张*`: only the first character (the surname, usually) is kept. */
export const maskName = nullSafe((value) => {
  const chars = Array.from(value);
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
});

/**
 * `zhangsan@example.com` → `z***@example.com`: the domain is kept (useful for support), the local
 * part shows its first character and a fixed `***` so its length is not revealed. A value without
 * a usable `@` is treated as a secret.
 */
export const maskEmail = nullSafe((value) => {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return SECRET_MASK;
  const local = Array.from(value.slice(0, at));
  const visible = local.length > 1 ? local[0] : '';
  return `${visible}${SECRET_MASK}${value.slice(at)}`;
});

const maskString: Record<MaskKind, (value: string) => string> = {
  phone: maskPhone,
  idCard: maskIdCard,
  name: maskName,
  email: maskEmail,
  secret: () => SECRET_MASK,
};

function maskFieldValue(value: unknown, kind: MaskKind): unknown {
  // null/undefined stay, so an audit diff still shows that a field was set or cleared.
  if (value === null || value === undefined) return value;
  if (kind === 'secret') return SECRET_MASK;
  if (typeof value === 'string') return maskString[kind](value);
  if (typeof value === 'number' || typeof value === 'bigint') return maskString[kind](String(value));
  // An object or array where a phone or ID number was expected cannot be masked piecewise: hide all of it.
  return SECRET_MASK;
}

function isBinary(value: object): boolean {
  return ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}

function maskValue(value: unknown, fields: MaskFields, ancestors: Set<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime());
  // Raw bytes in a snapshot are most likely encrypted columns; they are not shown either way.
  if (isBinary(value)) return SECRET_MASK;
  if (ancestors.has(value)) return '[Circular]';
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item) => maskValue(item, fields, ancestors));
    }
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = Object.prototype.hasOwnProperty.call(fields, key)
        ? maskFieldValue(item, fields[key])
        : maskValue(item, fields, ancestors);
    }
    return copy;
  } finally {
    ancestors.delete(value);
  }
}

/**
 * A masked copy for audit before/after snapshots: each own enumerable field named in
 * `fieldsToMask` is masked as its kind says (`secret` → `***`), at any depth, because entities
 * carry related entities (an order's patient has a phone too). The input is never modified.
 * Arrays are masked element by element, Dates are copied, raw bytes become `***`, and a reference
 * cycle becomes `[Circular]` so the snapshot can be serialised as JSON.
 */
export function maskObject<T extends object | null | undefined>(
  obj: T,
  fieldsToMask: MaskFields,
): T extends object ? Record<string, unknown> : T {
  return maskValue(obj, fieldsToMask, new Set()) as T extends object ? Record<string, unknown> : T;
}
