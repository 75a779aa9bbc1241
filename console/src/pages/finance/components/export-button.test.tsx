import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { getAdminExportsById, getAdminExportsByIdDownload, postAdminExports } from '@/services/generated';
import ExportButton from './export-button';

jest.mock('@/services/generated', () => ({
  postAdminExports: jest.fn(),
  getAdminExportsById: jest.fn(),
  getAdminExportsByIdDownload: jest.fn(),
}));

const job = (over: Partial<API.ExportJobView>): API.ExportJobView => ({
  id: 7,
  kind: 'settlement_items',
  format: 'xlsx',
  status: 'running',
  totalRows: 200000,
  rowsWritten: 0,
  sizeBytes: 0,
  fileName: '结算明细-2026-11.xlsx',
  error: '',
  createdByName: '财务',
  createdAt: '2026-12-01T02:00:00Z',
  finishedAt: null as unknown as string,
  ...over,
});

describe('the export button', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:x';
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
    // jsdom cannot navigate: the link's click is where the browser would save the file.
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });

  it('starts an xlsx export with its parameters, shows rows written as they grow, then downloads the file', async () => {
    jest.mocked(postAdminExports).mockResolvedValue(job({ status: 'queued' }));
    jest.mocked(getAdminExportsById)
      .mockResolvedValueOnce(job({ rowsWritten: 50000 }))
      .mockResolvedValueOnce(job({ status: 'succeeded', rowsWritten: 200000 }));
    jest.mocked(getAdminExportsByIdDownload).mockResolvedValue(new Blob(['x']) as never);
    render(
      <App>
        <ExportButton kind="settlement_items" params={{ runId: 3 }} pollMs={10} />
      </App>,
    );
    fireEvent.mouseEnter(screen.getByText('导出'));
    fireEvent.click(await screen.findByText('Excel（.xlsx）'));
    expect(postAdminExports).toHaveBeenCalledWith({ kind: 'settlement_items', format: 'xlsx', runId: 3 });
    expect(await screen.findByText(/已写入 50,000 \/ 200,000 行/)).toBeInTheDocument();
    expect(await screen.findByText(/已写入 200,000 \/ 200,000 行，可以下载/)).toBeInTheDocument();
    const download = screen.getByText('下载文件').closest('button') as HTMLButtonElement;
    await waitFor(() => expect(download).not.toBeDisabled());
    fireEvent.click(download);
    await waitFor(() => expect(getAdminExportsByIdDownload).toHaveBeenCalledWith({ id: '7' }, { responseType: 'blob' }));
    await waitFor(() => expect(HTMLAnchorElement.prototype.click).toHaveBeenCalled());
  });

  it('says why an export failed and offers no download', async () => {
    jest.mocked(postAdminExports).mockResolvedValue(job({ status: 'failed', error: '磁盘已满' }));
    render(
      <App>
        <ExportButton kind="payments" pollMs={10} />
      </App>,
    );
    fireEvent.mouseEnter(screen.getByText('导出'));
    fireEvent.click(await screen.findByText('CSV'));
    expect(await screen.findByText('导出失败：磁盘已满')).toBeInTheDocument();
    expect(screen.getByText('下载文件').closest('button')).toBeDisabled();
    expect(getAdminExportsById).not.toHaveBeenCalled();
  });
});
