import { FileLoadError, fetchAuthFile, isImage } from './auth-file';
import { saveTokens, clearTokens } from './token-storage';

describe('fetchAuthFile', () => {
  const createObjectURL = jest.fn(() => 'blob:http://console/1');
  beforeAll(() => {
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, writable: true });
  });
  afterEach(() => clearTokens());

  it('sends the bearer token, skips caches and shows the bytes through an object URL', async () => {
    saveTokens({ accessToken: 'tok', refreshToken: 'r' });
    const blob = new Blob(['x'], { type: 'image/png' });
    const fetcher = jest.fn(async () => ({ ok: true, status: 200, blob: async () => blob, headers: new Headers() }) as unknown as Response);
    const file = await fetchAuthFile('/api/admin/escort-files/3', fetcher as unknown as typeof fetch);
    expect(fetcher).toHaveBeenCalledWith('/api/admin/escort-files/3', { headers: { Authorization: 'Bearer tok' }, cache: 'no-store' });
    expect(file).toEqual({ url: 'blob:http://console/1', mime: 'image/png' });
    expect(createObjectURL).toHaveBeenCalledWith(blob);
  });

  it('says in words why a file cannot be shown', async () => {
    const fetcher = jest.fn(async () => ({ ok: false, status: 403 }) as Response);
    await expect(fetchAuthFile('/api/admin/escort-files/3', fetcher as unknown as typeof fetch)).rejects.toEqual(
      new FileLoadError(403, '没有查看证件的权限'),
    );
  });

  it('tells images from PDFs by type', () => {
    expect(isImage('image/jpeg')).toBe(true);
    expect(isImage('application/pdf')).toBe(false);
  });
});
