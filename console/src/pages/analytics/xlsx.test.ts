import { inflateRawSync } from 'zlib';
import { cellXml, crc32, sheetXml, toXlsx, utf8 } from './xlsx';

/** Reads the entries of a zip by its central directory (stored or deflated), checking each CRC. */
function unzip(buf: Buffer): Map<string, string> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    const data = method === 0 ? raw : inflateRawSync(raw);
    expect(crc32(data)).toBe(crc);
    out.set(name, data.toString('utf8'));
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

describe('Excel export of a chart table', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(Buffer.from(utf8('瑞金 €😀')).equals(Buffer.from('瑞金 €😀', 'utf8'))).toBe(true);
  });

  it('writes yuan, percent and counts as numbers with formats, the rest as text', () => {
    expect(cellXml('B2', '123.45')).toBe('<c r="B2" s="2"><v>123.45</v></c>');
    expect(cellXml('C2', '12.3%')).toBe('<c r="C2" s="3"><v>0.123</v></c>');
    expect(cellXml('D2', '42')).toBe('<c r="D2" s="4"><v>42</v></c>');
    expect(cellXml('E2', '—')).toBe('');
    expect(cellXml('A2', '2026-03-01')).toContain('t="inlineStr"');
    expect(cellXml('A3', '瑞金医院 <总院> & 分院')).toContain('瑞金医院 &lt;总院&gt; &amp; 分院');
  });

  it('packs a workbook Excel can open: content types, workbook, styles and the sheet with header and rows', () => {
    const columns = [
      { key: 'day', title: '日期' },
      { key: 'gmv', title: 'GMV（元）' },
      { key: 'rate', title: '退款率' },
    ];
    const rows = [
      { day: '2026-03-01', gmv: '1234.50', rate: '2.5%' },
      { day: '2026-03-02', gmv: '0.00', rate: '—' },
    ];
    const files = unzip(Buffer.from(toXlsx(columns, rows, '每日 GMV')));
    expect([...files.keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="每日 GMV"');
    expect(files.get('xl/styles.xml')).toContain('formatCode="0.0%"');
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toBe(sheetXml(columns, rows));
    expect(sheet).toContain('<c r="A1" t="inlineStr" s="1"><is><t>日期</t></is></c>');
    expect(sheet).toContain('<c r="B2" s="2"><v>1234.50</v></c>');
    expect(sheet).toContain('<c r="C2" s="3"><v>0.025</v></c>');
    expect(sheet).toContain('<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">2026-03-02</t></is></c><c r="B3" s="2"><v>0.00</v></c></row>');
    expect(sheet).toContain('<autoFilter ref="A1:C3"/>');
  });
});
