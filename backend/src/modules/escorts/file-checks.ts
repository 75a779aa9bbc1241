/**
 * What an uploaded file must be before a byte of it is stored: a JPEG, PNG or PDF by its content
 * (magic bytes, never the name or the client's Content-Type), no larger than the limit, with a
 * plain file name whose extension agrees with the content. Pure, so the rules are tested alone.
 */

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type AllowedMime = 'image/jpeg' | 'image/png' | 'application/pdf';

export const EXTENSIONS: Record<AllowedMime, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/pdf': ['pdf'],
};

export type UploadProblem = 'FILE_EMPTY' | 'FILE_TOO_LARGE' | 'FILE_NAME_INVALID' | 'FILE_TYPE_NOT_ALLOWED' | 'FILE_TYPE_MISMATCH';

export const UPLOAD_PROBLEM_MESSAGES: Record<UploadProblem, string> = {
  FILE_EMPTY: '文件为空',
  FILE_TOO_LARGE: `文件不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
  FILE_NAME_INVALID: '文件名不合法（不能包含路径或特殊字符）',
  FILE_TYPE_NOT_ALLOWED: '只支持 JPG、PNG 图片或 PDF 文件',
  FILE_TYPE_MISMATCH: '文件扩展名与文件内容不一致',
};

/** The type the bytes say they are, or null for anything else (an .exe starts with `MZ`). */
export function detectMime(head: Buffer): AllowedMime | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 5 && head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/**
 * A file name as a label only: no directory parts (`/`, `\`), no `..`, no control characters, at
 * most 100 characters, with an extension. Returns the lower-case extension, or null.
 */
export function plainFileExtension(name: string): string | null {
  if (typeof name !== 'string' || !name || name.length > 100) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\\/\u0000-\u001f\u007f:*?"<>|]/.test(name) || name.includes('..') || name.startsWith('.')) return null;
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  return m ? m[1].toLowerCase() : null;
}

/** Every check, in the order a client can fix them; null when the file may be stored. */
export function uploadProblem(name: string, content: Buffer, maxBytes = MAX_UPLOAD_BYTES): UploadProblem | null {
  const ext = plainFileExtension(name);
  if (ext === null) return 'FILE_NAME_INVALID';
  if (content.length === 0) return 'FILE_EMPTY';
  if (content.length > maxBytes) return 'FILE_TOO_LARGE';
  const mime = detectMime(content);
  if (mime === null) return 'FILE_TYPE_NOT_ALLOWED';
  if (!EXTENSIONS[mime].includes(ext)) return 'FILE_TYPE_MISMATCH';
  return null;
}
