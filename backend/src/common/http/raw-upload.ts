import { Context } from '@midwayjs/koa';
import { AppError } from '../errors';
import type { EscortFile } from '../../modules/escorts/escort-file.entity';

const RAW_TYPES = ['application/octet-stream', 'image/jpeg', 'image/png', 'application/pdf'];
/** Past this much, stop listening and drop the connection rather than drain a flood. */
const DRAIN_LIMIT_FACTOR = 4;

/**
 * The request body as bytes, for uploads sent as `application/octet-stream` (the file itself, not
 * multipart: the mini-program and the console both can, and no multipart parser is installed).
 * Keeps at most `maxBytes + 1` bytes, so an oversize upload is known to be oversize without being
 * held in memory; the rest is drained so the client gets the 400 rather than a reset connection.
 */
export async function readRawBody(ctx: Context, maxBytes: number): Promise<Buffer> {
  const type = (ctx.get('content-type') || '').split(';')[0].trim().toLowerCase();
  if (!RAW_TYPES.includes(type)) {
    throw new AppError(400, 'UPLOAD_CONTENT_TYPE', '请以 application/octet-stream 上传文件内容');
  }
  const declared = Number(ctx.get('content-length') || NaN);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let seen = 0;
    const req = ctx.req;
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (kept <= maxBytes) {
        const room = maxBytes + 1 - kept;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        chunks.push(part);
        kept += part.length;
      }
      if (seen > maxBytes * DRAIN_LIMIT_FACTOR) {
        req.destroy();
        reject(new AppError(400, 'FILE_TOO_LARGE', '文件过大'));
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks, kept)));
    req.on('error', reject);
    if (Number.isFinite(declared) && declared > maxBytes * DRAIN_LIMIT_FACTOR) {
      req.destroy();
      reject(new AppError(400, 'FILE_TOO_LARGE', '文件过大'));
    }
  });
}

/**
 * Answers with a stored file. Private files (credentials, ID cards) must never sit in a shared
 * cache: `no-store`. Every file is sent with nosniff and a CSP that runs nothing, so even a
 * crafted file cannot execute as a page on this origin.
 */
export function sendStoredFile(ctx: Context, file: EscortFile, content: Buffer, options: { publicCache?: boolean } = {}): Buffer {
  ctx.status = 200;
  ctx.type = file.mime;
  ctx.set('Cache-Control', options.publicCache ? 'public, max-age=3600' : 'private, no-store, max-age=0');
  if (!options.publicCache) ctx.set('Pragma', 'no-cache');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
  const ext = file.storedName.split('.').pop();
  ctx.set('Content-Disposition', `${file.mime === 'application/pdf' ? 'attachment' : 'inline'}; filename="file-${file.id}.${ext}"`);
  ctx.body = content;
  return content;
}
