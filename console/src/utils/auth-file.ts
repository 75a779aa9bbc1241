/**
 * Files the backend serves only to permitted staff (escort ID cards, certificates) cannot be an
 * <img src>: the browser would send no bearer token. They are fetched with the token, held as a
 * Blob and shown through an object URL that is revoked when no longer shown.
 */
import { getAccessToken } from './token-storage';

export interface LoadedFile {
  url: string;
  mime: string;
}

export class FileLoadError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'FileLoadError';
  }
}

const MESSAGES: Record<number, string> = {
  401: '登录已失效，请重新登录后查看',
  403: '没有查看证件的权限',
  404: '文件不存在',
};

export async function fetchAuthFile(url: string, fetcher: typeof fetch = fetch): Promise<LoadedFile> {
  const token = getAccessToken();
  const res = await fetcher(url, { headers: token ? { Authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
  if (!res.ok) throw new FileLoadError(res.status, MESSAGES[res.status] ?? `文件加载失败（${res.status}）`);
  const blob = await res.blob();
  return { url: URL.createObjectURL(blob), mime: blob.type || res.headers.get('content-type') || '' };
}

export function isImage(mime: string): boolean {
  return mime.startsWith('image/');
}
