import { PassThrough, Writable } from 'stream';
import { columnLetter, createTableWriter, csvText, ExportColumn, excelSerial } from './table-export';
import { readZip } from './zip-writer';

const COLUMNS: ExportColumn[] = [
  { header: '订单号', type: 'text' },
  { header: '完成时间', type: 'datetime' },
  { header: '订单数', type: 'int' },
  { header: '金额（元）', type: 'money' },
  { header: '备注', type: 'text' },
];

async function collect(format: 'xlsx' | 'csv', rows: unknown[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', c => chunks.push(c));
  const w = await createTableWriter(format, out, COLUMNS, '结算单');
  for (const r of rows) await w.writeRow(r as any);
  await w.finish();
  out.end();
  return Buffer.concat(chunks);
}

/** The cells of each row of sheet1, as the XML says them: [ref, style, type, value-or-text, formula]. */
function cellsOf(sheetXml: string) {
  const rows: { r: string; cells: { ref: string; s?: string; t?: string; v: string; f?: string }[] }[] = [];
  for (const m of sheetXml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
    const cells = [...m[2].matchAll(/<c r="([A-Z]+\d+)"(?: t="(\w+)")?(?: s="(\d+)")?>(.*?)<\/c>/g)].map(c => {
      const inner = c[4];
      const text = /<t[^>]*>(.*?)<\/t>/.exec(inner)?.[1];
      return { ref: c[1], t: c[2], s: c[3], v: text ?? /<v>(.*?)<\/v>/.exec(inner)?.[1] ?? '', f: /<f>(.*?)<\/f>/.exec(inner)?.[1] };
    });
    rows.push({ r: m[1], cells });
  }
  return rows;
}

describe('the streaming table export', () => {
  const at = new Date('2026-11-05T02:30:00Z'); // 10:30 in Shanghai

  it('writes an xlsx that unzips (CRCs and sizes check out) into a workbook, styles and one sheet', async () => {
    const file = await collect('xlsx', [['PZ1', at, 1, 12345, 'a & <b>']]);
    const parts = readZip(file);
    expect([...parts.keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    expect(parts.get('xl/workbook.xml')!.toString()).toContain('<sheet name="结算单"');
    const styles = parts.get('xl/styles.xml')!.toString();
    expect(styles).toContain('numFmtId="4"');
    expect(styles).toContain('formatCode="yyyy-mm-dd hh:mm:ss"');
  });

  it('reads back every row with money as yuan in the #,##0.00 style, times as Shanghai serial dates, escaped text, and a totals row of SUM formulas with exact cached values', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`PZ${i}`, at, 1, i === 0 ? -5 : 1001 + i, i === 1 ? '=HYPERLINK("x")' : 'ok']);
    const sheet = readZip(await collect('xlsx', rows)).get('xl/worksheets/sheet1.xml')!.toString();
    const parsed = cellsOf(sheet);
    expect(parsed).toHaveLength(1002);
    expect(parsed[0].cells.map(c => c.v)).toEqual(['订单号', '完成时间', '订单数', '金额（元）', '备注']);
    expect(parsed[1].cells).toEqual([
      { ref: 'A2', t: 'inlineStr', s: undefined, v: 'PZ0', f: undefined },
      { ref: 'B2', t: undefined, s: '3', v: excelSerial(at), f: undefined },
      { ref: 'C2', t: undefined, s: '4', v: '1', f: undefined },
      { ref: 'D2', t: undefined, s: '2', v: '-0.05', f: undefined },
      { ref: 'E2', t: 'inlineStr', s: undefined, v: 'ok', f: undefined },
    ]);
    // 10:30 Shanghai on 2026-11-05: day 46331 plus 0.4375.
    expect(Number(excelSerial(at))).toBeCloseTo(46331.4375, 6);
    expect(parsed[2].cells[4].v).toBe('=HYPERLINK(&quot;x&quot;)');
    const totals = parsed[1001];
    const expectedFen = -5 + Array.from({ length: 999 }, (_, i) => 1002 + i).reduce((a, b) => a + b, 0);
    expect(totals.cells.map(c => [c.ref, c.v, c.f])).toEqual([
      ['A1002', '合计', undefined],
      ['C1002', '1000', 'SUM(C2:C1001)'],
      ['D1002', `${Math.trunc(expectedFen / 100)}.${String(expectedFen % 100).padStart(2, '0')}`, 'SUM(D2:D1001)'],
    ]);
    expect(sheet).toContain('<autoFilter ref="A1:E1001"/>');
  });

  it('writes an empty table as a header and a zero totals row', async () => {
    const parsed = cellsOf(readZip(await collect('xlsx', [])).get('xl/worksheets/sheet1.xml')!.toString());
    expect(parsed.map(r => r.cells.map(c => c.v))).toEqual([['订单号', '完成时间', '订单数', '金额（元）', '备注'], ['合计', '0', '0.00']]);
  });

  it('escapes CSV cells that a spreadsheet would run as formulas, and quotes commas, quotes and newlines', async () => {
    expect(['=1+1', '+86', '-3', '@SUM(A1)', '\tx', 'plain', 'a,b', 'say "hi"', 'two\nlines'].map(csvText)).toEqual([
      "'=1+1",
      "'+86",
      "'-3",
      "'@SUM(A1)",
      "'\tx",
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
    ]);
    const text = (await collect('csv', [['=cmd|calc', at, 2, -123, '-x'], ['PZ2', null, 1, 100000, '']])).toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '\uFEFF订单号,完成时间,订单数,金额（元）,备注',
      "'=cmd|calc,2026-11-05 10:30:00,2,-1.23,'-x",
      'PZ2,,1,1000.00,',
      '合计,,3,998.77,',
      '',
    ]);
  });

  it('names columns past Z like Excel', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('waits for a slow reader instead of buffering: 200,000 rows through a sink that drains slowly arrive whole', async () => {
    let bytes = 0;
    let pending = 0;
    let maxPending = 0;
    const sink = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk, _enc, done) {
        bytes += chunk.length;
        pending++;
        maxPending = Math.max(maxPending, pending);
        setImmediate(() => {
          pending--;
          done();
        });
      },
    });
    const w = await createTableWriter('xlsx', sink, COLUMNS);
    for (let i = 0; i < 200_000; i++) await w.writeRow([`PZ${i}`, at, 1, i, '']);
    await w.finish();
    await new Promise(resolve => sink.end(resolve));
    expect(w.rows).toBe(200_000);
    expect(bytes).toBeGreaterThan(1_000_000);
    // Writable queues at most one chunk at a time here: writes waited for 'drain'.
    expect(maxPending).toBe(1);
  });
});
