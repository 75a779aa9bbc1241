import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Modal, Progress, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { EXPORT_KIND, type ExportKind } from '@/constants/settlement';
import { getAdminExportsById, getAdminExportsByIdDownload, postAdminExports } from '@/services/generated';
import { exportPercent } from '../settlement-logic';

type Job = API.ExportJobView;

export interface ExportButtonProps {
  kind: ExportKind;
  /** runId, escortId, from, to, status as the export API takes them. */
  params?: Omit<API.CreateExportDTO, 'kind' | 'format'>;
  label?: string;
  /** Poll interval (tests shorten it). */
  pollMs?: number;
}

/** Saves a Blob under a file name through a temporary link. */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * 导出 Excel / CSV: the backend writes the file in the background; the modal polls the job and
 * shows the rows written against the total, then downloads the file.
 */
export default function ExportButton({ kind, params, label = '导出', pollMs = 500 }: ExportButtonProps) {
  const { message } = App.useApp();
  const [job, setJob] = useState<Job | null>(null);
  const [downloading, setDownloading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => () => clearTimeout(timer.current), []);

  async function poll(id: number) {
    const next = await getAdminExportsById({ id: String(id) });
    setJob(next);
    if (next.status === 'queued' || next.status === 'running') timer.current = setTimeout(() => poll(id), pollMs);
  }

  async function start(format: 'xlsx' | 'csv') {
    const created = await postAdminExports({ kind, format, ...(params ?? {}) } as API.CreateExportDTO);
    setJob(created);
    if (created.status !== 'succeeded' && created.status !== 'failed') timer.current = setTimeout(() => poll(created.id as number), pollMs);
  }

  async function download() {
    if (!job?.id) return;
    setDownloading(true);
    try {
      const blob = await getAdminExportsByIdDownload<Blob>({ id: String(job.id) }, { responseType: 'blob' });
      saveBlob(blob, job.fileName ?? `export-${job.id}`);
      message.success('已开始下载');
    } finally {
      setDownloading(false);
    }
  }

  const close = () => {
    clearTimeout(timer.current);
    setJob(null);
  };

  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'xlsx', label: 'Excel（.xlsx）' },
            { key: 'csv', label: 'CSV' },
          ],
          onClick: ({ key }) => void start(key as 'xlsx' | 'csv'),
        }}
      >
        <Button icon={<DownloadOutlined />}>{label}</Button>
      </Dropdown>
      <Modal
        title={`导出${EXPORT_KIND[kind]}`}
        open={job !== null}
        onCancel={close}
        footer={[
          <Button key="close" onClick={close}>
            关闭
          </Button>,
          <Button key="download" type="primary" disabled={job?.status !== 'succeeded'} loading={downloading} onClick={() => void download()}>
            下载文件
          </Button>,
        ]}
      >
        {job && (
          <>
            <Progress percent={exportPercent(job)} status={job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active'} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {job.status === 'failed'
                ? `导出失败：${job.error}`
                : `已写入 ${(job.rowsWritten ?? 0).toLocaleString()} / ${(job.totalRows ?? 0).toLocaleString()} 行${job.status === 'succeeded' ? '，可以下载' : '，文件在后台生成'}`}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}
