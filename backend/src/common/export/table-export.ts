/**
 * Tables written row by row to a stream, as Excel (.xlsx) or CSV, with a totals row. Columns are
 * typed: money is integer fen written as yuan with two decimals (the `#,##0.00` format in Excel),
 * times are Shanghai local time (a date format in Excel), counts are integers, text is text.
 * Nothing is kept per row: rows are formatted into a small buffer and flushed through the stream.
 */
import { once } from 'events';
import type { Writable } from 'stream';
import { ZipWriter } from './zip-writer';
import { formatFen } from '../money';

export type ColumnType = 'text' | 'money' | 'int' | 'datetime';

export interface ExportColumn {
  header: string;
  type: ColumnType;
  /** Width in characters (Excel). */
  width?: number;
  /** Money and int columns are summed into the totals row unless false. */
  total?: boolean;
}

export type Cell = string | number | Date | null | undefined;

export interface TableWriter {
  writeRow(cells: readonly Cell[]): Promise<void>;
  /** Writes the totals row (label + sums of summed columns) and finishes the file; the caller ends `out`. */
  finish(): Promise<void>;
  readonly rows: number;
}

export type ExportFormat = 'xlsx' | 'csv';
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export function createTableWriter(format: ExportFormat, out: Writable, columns: readonly ExportColumn[], sheetName = 'Sheet1'): Promise<TableWriter> {
  return format === 'xlsx' ? XlsxTableWriter.start(out, columns, sheetName) : CsvTableWriter.start(out, columns);
}

// ------------------------------------------------------------------ shared

const FLUSH_AT = 64 * 1024;

/** Sums of the summed columns, in BigInt so a long export cannot overflow. */
class Totals {
  readonly sums: (bigint | null)[];
  constructor(columns: readonly ExportColumn[]) {
    this.sums = columns.map(c => ((c.type === 'money' || c.type === 'int') && c.total !== false ? 0n : null));
  }
  add(cells: readonly Cell[]): void {
    for (let i = 0; i < this.sums.length; i++) {
      const v = cells[i];
      if (this.sums[i] !== null && typeof v === 'number') this.sums[i] = (this.sums[i] as bigint) + BigInt(v);
    }
  }
}

function shanghaiText(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

function asDate(v: Cell): Date | null {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

function moneyText(v: bigint): string {
  const negative = v < 0n;
  const m = negative ? -v : v;
  return `${negative ? '-' : ''}${m / 100n}.${String(m % 100n).padStart(2, '0')}`;
}

// ------------------------------------------------------------------ CSV

/**
 * CSV for Excel: UTF-8 with a BOM, CRLF rows, RFC 4180 quoting. A text cell starting with `=`,
 * `+`, `-`, `@`, tab or carriage return gets a leading `'` so a spreadsheet shows it as text and
 * never runs it as a formula (CSV injection). Money cells are numbers we format from integers.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export class CsvTableWriter implements TableWriter {
  private buf = '';
  rows = 0;
  private readonly totals: Totals;

  private constructor(private readonly out: Writable, private readonly columns: readonly ExportColumn[]) {
    this.totals = new Totals(columns);
  }

  static async start(out: Writable, columns: readonly ExportColumn[]): Promise<CsvTableWriter> {
    const w = new CsvTableWriter(out, columns);
    w.buf = '\uFEFF' + columns.map(c => csvText(c.header)).join(',') + '\r\n';
    return w;
  }

  private cell(type: ColumnType, v: Cell): string {
    if (v === null || v === undefined) return '';
    if (type === 'money') return typeof v === 'number' ? formatFen(v) : '';
    if (type === 'int') return typeof v === 'number' ? String(v) : '';
    if (type === 'datetime') {
      const d = asDate(v);
      return d ? shanghaiText(d) : '';
    }
    return csvText(String(v));
  }

  async writeRow(cells: readonly Cell[]): Promise<void> {
    this.totals.add(cells);
    this.buf += this.columns.map((c, i) => this.cell(c.type, cells[i])).join(',') + '\r\n';
    this.rows++;
    if (this.buf.length >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buf) return;
    const chunk = this.buf;
    this.buf = '';
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async finish(): Promise<void> {
    const row = this.columns.map((c, i) => {
      const s = this.totals.sums[i];
      if (i === 0) return csvText('合计');
      if (s === null) return '';
      return c.type === 'money' ? moneyText(s) : s.toString();
    });
    this.buf += row.join(',') + '\r\n';
    await this.flush();
  }
}

// ------------------------------------------------------------------ XLSX

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function xmlText(value: string): string {
  // Characters XML 1.0 cannot hold are dropped; the rest escaped.
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Style ids in styles.xml below. */
const STYLE = { header: 1, money: 2, datetime: 3, int: 4, totalLabel: 5, totalMoney: 6, totalInt: 7 } as const;

const STYLES_XML = `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>
<xf numFmtId="1" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const CONTENT_TYPES_XML = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>`;

const ROOT_RELS_XML = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`;

const WORKBOOK_RELS_XML = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`;

function workbookXml(sheetName: string): string {
  const name = xmlText(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31)) || 'Sheet1';
  return `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets>
</workbook>`;
}

/** Excel's serial date for an instant, in Shanghai local time (days since 1899-12-30). */
export function excelSerial(d: Date): string {
  const localMs = d.getTime() + 8 * 3600_000;
  return (localMs / 86_400_000 + 25569).toFixed(8);
}

export class XlsxTableWriter implements TableWriter {
  private buf = '';
  rows = 0;
  private readonly totals: Totals;
  private sheet!: { write: (chunk: string | Buffer) => Promise<void>; end: () => Promise<void> };
  private readonly letters: string[];

  private constructor(private readonly zip: ZipWriter, private readonly columns: readonly ExportColumn[]) {
    this.totals = new Totals(columns);
    this.letters = columns.map((_, i) => columnLetter(i));
  }

  static async start(out: Writable, columns: readonly ExportColumn[], sheetName: string): Promise<XlsxTableWriter> {
    const zip = new ZipWriter(out);
    await zip.addFile('[Content_Types].xml', CONTENT_TYPES_XML);
    await zip.addFile('_rels/.rels', ROOT_RELS_XML);
    await zip.addFile('xl/workbook.xml', workbookXml(sheetName));
    await zip.addFile('xl/_rels/workbook.xml.rels', WORKBOOK_RELS_XML);
    await zip.addFile('xl/styles.xml', STYLES_XML);
    const w = new XlsxTableWriter(zip, columns);
    w.sheet = await zip.startFile('xl/worksheets/sheet1.xml');
    const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? (c.type === 'datetime' ? 20 : c.type === 'money' ? 14 : 16)}" customWidth="1"/>`).join('');
    w.buf =
      `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
      `<cols>${cols}</cols><sheetData>` +
      `<row r="1">${columns.map((c, i) => `<c r="${w.letters[i]}1" t="inlineStr" s="${STYLE.header}"><is><t>${xmlText(c.header)}</t></is></c>`).join('')}</row>`;
    return w;
  }

  private cell(ref: string, type: ColumnType, v: Cell): string {
    if (v === null || v === undefined || v === '') return '';
    if (type === 'money' && typeof v === 'number') return `<c r="${ref}" s="${STYLE.money}"><v>${formatFen(v)}</v></c>`;
    if (type === 'int' && typeof v === 'number') return `<c r="${ref}" s="${STYLE.int}"><v>${v}</v></c>`;
    if (type === 'datetime') {
      const d = asDate(v);
      return d ? `<c r="${ref}" s="${STYLE.datetime}"><v>${excelSerial(d)}</v></c>` : '';
    }
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(String(v))}</t></is></c>`;
  }

  async writeRow(cells: readonly Cell[]): Promise<void> {
    this.totals.add(cells);
    const r = this.rows + 2;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < this.columns.length; i++) xml += this.cell(`${this.letters[i]}${r}`, this.columns[i].type, cells[i]);
    this.buf += xml + '</row>';
    this.rows++;
    if (this.buf.length >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buf) return;
    const chunk = this.buf;
    this.buf = '';
    await this.sheet.write(chunk);
  }

  /** The totals row: SUM formulas over the data rows, with their values cached so readers without a calculator see them. */
  async finish(): Promise<void> {
    const r = this.rows + 2;
    const last = this.rows + 1;
    let xml = `<row r="${r}">`;
    this.columns.forEach((c, i) => {
      const ref = `${this.letters[i]}${r}`;
      const s = this.totals.sums[i];
      if (i === 0) xml += `<c r="${ref}" t="inlineStr" s="${STYLE.totalLabel}"><is><t>合计</t></is></c>`;
      else if (s !== null) {
        const formula = this.rows > 0 ? `<f>SUM(${this.letters[i]}2:${this.letters[i]}${last})</f>` : '';
        const value = c.type === 'money' ? moneyText(s) : s.toString();
        xml += `<c r="${ref}" s="${c.type === 'money' ? STYLE.totalMoney : STYLE.totalInt}">${formula}<v>${value}</v></c>`;
      }
    });
    this.buf += `${xml}</row></sheetData>`;
    if (this.rows > 0) this.buf += `<autoFilter ref="A1:${this.letters[this.columns.length - 1]}${last}"/>`;
    this.buf += '</worksheet>';
    await this.flush();
    await this.sheet.end();
    await this.zip.finish();
  }
}
