import { Tag } from 'antd';
import { enumLabel, type EnumEntry } from '@/constants/enums';

/** A code as a coloured tag from its one enum map; an unknown code still shows, uncoloured. */
export default function EnumTag({ map, code }: { map: Record<string, EnumEntry>; code: string | boolean }) {
  const key = String(code);
  return <Tag color={map[key]?.color}>{enumLabel(map, key)}</Tag>;
}
