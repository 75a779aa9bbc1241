import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Empty, Image, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { fetchAuthFile, isImage, type LoadedFile } from '@/utils/auth-file';
import { errorMessageOf } from '@/utils/api-error';

interface Props {
  /** The backend's file URL (`/api/admin/escort-files/:id`); null shows 未上传. */
  url: string | null;
  title: string;
  width?: number;
  height?: number;
}

/** One protected file, loaded with the staff token: images with a zoomable preview, PDFs as a button. */
export default function AuthFileView({ url, title, width = 220, height = 150 }: Props) {
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!url) return undefined;
    let alive = true;
    let loaded: LoadedFile | null = null;
    setFile(null);
    setError(null);
    fetchAuthFile(url)
      .then((f) => {
        loaded = f;
        if (alive) setFile(f);
        else URL.revokeObjectURL(f.url);
      })
      .catch((e) => alive && setError(errorMessageOf(e)));
    return () => {
      alive = false;
      if (loaded) URL.revokeObjectURL(loaded.url);
    };
  }, [url]);

  const frame = { width, minHeight: height, border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 };
  return (
    <div style={frame} data-testid={`file-${title}`}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ marginTop: 6, display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: height - 30 }}>
        {!url && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未上传" />}
        {url && error && <Typography.Text type="danger">{error}</Typography.Text>}
        {url && !error && !file && <Skeleton.Image active />}
        {file && isImage(file.mime) && <Image src={file.url} alt={title} width={width - 18} style={{ objectFit: 'contain', maxHeight: height }} />}
        {file && !isImage(file.mime) && (
          <Button icon={<FilePdfOutlined />} onClick={() => window.open(file.url, '_blank', 'noopener')}>
            打开 PDF
          </Button>
        )}
      </div>
    </div>
  );
}
