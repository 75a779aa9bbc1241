import { Tag } from 'antd';
import type { TagStyle } from '../quality-format';

/** A code as a coloured tag from one of the maps in quality-format.ts. */
export default function StyleTag({ map, code }: { map: Record<string, TagStyle>; code?: string | null }) {
  const s = code ? map[code] : undefined;
  return <Tag color={s?.color}>{s?.label ?? code ?? '—'}</Tag>;
}
