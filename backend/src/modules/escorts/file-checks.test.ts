import { detectMime, MAX_UPLOAD_BYTES, plainFileExtension, uploadProblem } from './file-checks';

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 2)]);
const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0)]);

describe('detectMime', () => {
  it.each([
    ['a JPEG', jpeg, 'image/jpeg'],
    ['a PNG', png, 'image/png'],
    ['a PDF', pdf, 'application/pdf'],
    ['a Windows executable', exe, null],
    ['an SVG (script-capable, refused)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), null],
    ['HTML', Buffer.from('<html><script>alert(1)</script>'), null],
    ['two bytes of a JPEG header', Buffer.from([0xff, 0xd8]), null],
    ['nothing', Buffer.alloc(0), null],
  ])('recognises %s', (_label, bytes, mime) => expect(detectMime(bytes)).toBe(mime));
});

describe('plainFileExtension', () => {
  it.each([
    ['photo.jpg', 'jpg'],
    ['身份证正面.JPEG', 'jpeg'],
    ['health cert 2026.pdf', 'pdf'],
    ['../../etc/passwd.jpg', null],
    ['..\\..\\boot.png', null],
    ['/tmp/x.png', null],
    ['uploads/x.png', null],
    ['C:evil.png', null],
    ['.hidden.png', null],
    ['no-extension', null],
    ['new\nline.jpg', null],
    ['a'.repeat(101) + '.jpg', null],
    ['', null],
  ])('reads %p as %p', (name, ext) => expect(plainFileExtension(name)).toBe(ext));
});

describe('uploadProblem', () => {
  it('accepts a JPEG, PNG or PDF under the limit whose name matches its content', () => {
    expect(uploadProblem('a.jpg', jpeg)).toBeNull();
    expect(uploadProblem('a.jpeg', jpeg)).toBeNull();
    expect(uploadProblem('a.png', png)).toBeNull();
    expect(uploadProblem('a.pdf', pdf)).toBeNull();
  });
  it('refuses an executable renamed .jpg', () => expect(uploadProblem('photo.jpg', exe)).toBe('FILE_TYPE_NOT_ALLOWED'));
  it('refuses a PNG named .jpg', () => expect(uploadProblem('photo.jpg', png)).toBe('FILE_TYPE_MISMATCH'));
  it('refuses a file one byte over the limit and accepts one exactly at it', () => {
    const at = Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES - jpeg.length)]);
    expect(uploadProblem('big.jpg', at)).toBeNull();
    expect(uploadProblem('big.jpg', Buffer.concat([at, Buffer.from([0])]))).toBe('FILE_TOO_LARGE');
  });
  it('refuses an empty file and a name with a path', () => {
    expect(uploadProblem('a.jpg', Buffer.alloc(0))).toBe('FILE_EMPTY');
    expect(uploadProblem('../a.jpg', jpeg)).toBe('FILE_NAME_INVALID');
  });
});
