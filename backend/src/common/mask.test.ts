import { maskEmail, maskIdCard, maskName, maskObject, maskPhone } from './mask';

describe('maskPhone', () => {
  it.each([
    ['a mainland mobile number', '13812341234', '138****1234'],
    ['a number with country code', '+8613812341234', '+86*******1234'],
    ['an 8-digit landline, dropping the kept start', '12345678', '****5678'],
    ['a 6-character value, keeping only the last 2', '123456', '****56'],
    ['a 4-character value, hiding everything', '1234', '****'],
    ['a single character', '1', '*'],
    ['an empty string', '', ''],
  ])('masks %s', (_label, input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('passes null and undefined through', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeUndefined();
  });
});

describe('maskIdCard', () => {
  it.each([
    ['an 18-digit ID card number', '110101199003071234', '110101********1234'],
    ['an ID ending in X', '11010119900307123X', '110101********123X'],
    ['a 15-digit legacy number, hiding at least 8', '110101900307123', '***********7123'],
    ['a short value, hiding everything', '1234567', '*******'],
    ['an empty string', '', ''],
  ])('masks %s', (_label, input, expected) => {
    expect(maskIdCard(input)).toBe(expected);
  });

  it('passes null and undefined through', () => {
    expect(maskIdCard(null)).toBeNull();
    expect(maskIdCard(undefined)).toBeUndefined();
  });
});

describe('maskName', () => {
  it.each([
    ['a three-character Chinese name', '张三丰', '张**'],
    ['a two-character Chinese name', '张三', '张*'],
    ['a compound surname', '欧阳娜娜', '欧***'],
    ['a single character', '张', '*'],
    ['a Latin name', 'Li Lei', 'L*****'],
    ['a name starting with a character outside the BMP', '𠮷野家', '𠮷**'],
    ['an empty string', '', ''],
  ])('masks %s', (_label, input, expected) => {
    expect(maskName(input)).toBe(expected);
  });

  it('passes null and undefined through', () => {
    expect(maskName(null)).toBeNull();
    expect(maskName(undefined)).toBeUndefined();
  });
});

describe('maskEmail', () => {
  it.each([
    ['an ordinary address', 'zhangsan@example.com', 'z***@example.com'],
    ['a one-character local part', 'a@example.com', '***@example.com'],
    ['an address with a plus tag', 'li.lei+ops@corp.cn', 'l***@corp.cn'],
    ['a value without @', 'zhangsan', '***'],
    ['a value starting with @', '@example.com', '***'],
    ['a value ending with @', 'zhangsan@', '***'],
    ['an empty string', '', '***'],
  ])('masks %s', (_label, input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });

  it('passes null and undefined through', () => {
    expect(maskEmail(null)).toBeNull();
    expect(maskEmail(undefined)).toBeUndefined();
  });
});

describe('maskObject', () => {
  const fields = { phone: 'phone', idCard: 'idCard', name: 'name', email: 'email', passwordHash: 'secret' } as const;

  it('masks each listed field by its kind and leaves other fields alone', () => {
    const patient = {
      id: 7,
      name: '张三丰',
      phone: '13812341234',
      idCard: '110101199003071234',
      email: 'zhangsan@example.com',
      passwordHash: '$argon2id$v=19$...',
      hospital: '北京协和医院',
    };
    expect(maskObject(patient, fields)).toEqual({
      id: 7,
      name: '张**',
      phone: '138****1234',
      idCard: '110101********1234',
      email: 'z***@example.com',
      passwordHash: '***',
      hospital: '北京协和医院',
    });
  });

  it('does not modify the input', () => {
    const input = { phone: '13812341234', contact: { phone: '13900001111' } };
    const before = JSON.parse(JSON.stringify(input));
    maskObject(input, fields);
    expect(input).toEqual(before);
  });

  it('masks listed fields inside nested objects and arrays', () => {
    const order = {
      orderNo: 'PZ2024',
      patient: { name: '李四', phone: '13912345678' },
      contacts: [{ name: '王五', phone: '13700001111' }, { name: null, phone: undefined }],
    };
    expect(maskObject(order, fields)).toEqual({
      orderNo: 'PZ2024',
      patient: { name: '李*', phone: '139****5678' },
      contacts: [{ name: '王*', phone: '137****1111' }, { name: null, phone: undefined }],
    });
  });

  it('keeps null and undefined so a diff still shows a field being set or cleared', () => {
    expect(maskObject({ phone: null, passwordHash: undefined }, fields)).toEqual({ phone: null, passwordHash: undefined });
    expect(Object.keys(maskObject({ passwordHash: undefined }, fields))).toEqual(['passwordHash']);
  });

  it('masks a secret whatever its type', () => {
    expect(maskObject({ passwordHash: 12345, token: 't' }, { passwordHash: 'secret', token: 'secret' })).toEqual({
      passwordHash: '***',
      token: '***',
    });
  });

  it('masks a phone stored as a number as its digits', () => {
    expect(maskObject({ phone: 13812341234 }, fields)).toEqual({ phone: '138****1234' });
  });

  it('hides an object found where a masked field was expected', () => {
    expect(maskObject({ phone: { mobile: '13812341234' } }, fields)).toEqual({ phone: '***' });
  });

  it('copies dates and hides raw bytes', () => {
    const createdAt = new Date('2024-03-01T00:00:00Z');
    const masked = maskObject({ createdAt, phoneCipher: Buffer.from('abc') }, fields);
    expect(masked.createdAt).toEqual(createdAt);
    expect(masked.createdAt).not.toBe(createdAt);
    expect(masked.phoneCipher).toBe('***');
  });

  it('masks class instances such as entities into plain objects', () => {
    class Escort {
      constructor(
        public id: number,
        public name: string,
        public phone: string,
      ) {}
    }
    expect(maskObject(new Escort(3, '赵六', '13612345678'), fields)).toEqual({ id: 3, name: '赵*', phone: '136****5678' });
  });

  it('replaces a reference cycle with a marker so the snapshot serialises', () => {
    const order: Record<string, unknown> = { id: 1, phone: '13812341234' };
    order.self = order;
    const masked = maskObject(order, fields);
    expect(masked).toEqual({ id: 1, phone: '138****1234', self: '[Circular]' });
    expect(() => JSON.stringify(masked)).not.toThrow();
  });

  it('masks the same object twice when it is shared rather than cyclic', () => {
    const contact = { phone: '13812341234' };
    expect(maskObject({ a: contact, b: contact }, fields)).toEqual({ a: { phone: '138****1234' }, b: { phone: '138****1234' } });
  });

  it('masks arrays of rows element by element', () => {
    expect(maskObject([{ phone: '13812341234' }, { phone: '13900001111' }], fields)).toEqual([
      { phone: '138****1234' },
      { phone: '139****1111' },
    ]);
  });

  it('passes a null or undefined snapshot through, as for the "before" of a create', () => {
    expect(maskObject(null, fields)).toBeNull();
    expect(maskObject(undefined, fields)).toBeUndefined();
  });

  it('ignores field names inherited from Object.prototype', () => {
    expect(maskObject({ toString: 'visible' }, fields)).toEqual({ toString: 'visible' });
  });
});
