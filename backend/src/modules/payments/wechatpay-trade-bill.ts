/**
 * WeChat Pay's daily trade bill (交易账单, GET /v3/bill/tradebill, bill_type=ALL) as text: a header
 * row, one row per payment or refund, then a summary header and one summary row. Every value is
 * written with a leading backtick (so spreadsheets keep long numbers as text); amounts are yuan
 * as text, the fee with five decimals. Amounts become integer fen here with no float anywhere
 * (`parseYuanToFen` works on the digits), and the summary must agree with the rows to the fen,
 * or the whole bill is refused: a bill we cannot read exactly is not a bill we reconcile against.
 */
import { parseYuanToFen } from '../../common/money';

export const TRADE_BILL_COLUMNS = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '充值券退款金额',
  '退款类型',
  '退款状态',
  '商品名称',
  '商户数据包',
  '手续费',
  '费率',
  '订单金额',
  '申请退款金额',
  '费率备注',
] as const;

export const TRADE_BILL_SUMMARY_COLUMNS = ['总交易单数', '应结订单总金额', '退款总金额', '充值券退款总金额', '手续费总金额', '订单总金额', '申请退款总金额'] as const;

export interface TradeBillRow {
  /** 交易时间, Shanghai wall time, as an instant. */
  tradeTime: Date;
  appId: string;
  mchId: string;
  transactionId: string;
  outTradeNo: string;
  openid: string;
  tradeType: string;
  /** SUCCESS for a payment row, REFUND for a refund row (REVOKED for a revoked one). */
  tradeState: string;
  currency: string;
  /** 应结订单金额: what the payment settles (0 on refund rows). */
  settlementFen: number;
  couponFen: number;
  refundId: string;
  outRefundNo: string;
  /** 退款金额 (0 on payment rows). */
  refundFen: number;
  refundStatus: string;
  description: string;
  /** 手续费 in thousandths of a fen (five decimals of yuan); negative on refunds (the fee given back). */
  feeMilliFen: number;
  rate: string;
  /** 订单金额 (before coupons). */
  orderFen: number;
  requestedRefundFen: number;
  /** 1-based line number in the file, for messages. */
  line: number;
}

export interface TradeBillSummary {
  count: number;
  settlementTotalFen: number;
  refundTotalFen: number;
  rechargeRefundTotalFen: number;
  feeTotalMilliFen: number;
  orderTotalFen: number;
  requestedRefundTotalFen: number;
}

export interface TradeBill {
  rows: TradeBillRow[];
  summary: TradeBillSummary;
}

export class TradeBillFormatError extends Error {
  readonly code = 'BILL_FORMAT_INVALID';
}

/** One CSV line: commas separate, double quotes may wrap a field (and "" is a quote inside one). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) throw new TradeBillFormatError('unterminated quote');
  out.push(field);
  return out;
}

/** A value without WeChat's leading backtick and surrounding spaces. */
export function billText(value: string | undefined): string {
  const v = (value ?? '').trim();
  return v.startsWith('`') ? v.slice(1).trim() : v;
}

/** Yuan text → fen; an empty cell is 0. */
export function billFen(value: string | undefined, what: string, line: number): number {
  const text = billText(value);
  if (text === '') return 0;
  try {
    return parseYuanToFen(text);
  } catch (err) {
    throw new TradeBillFormatError(`line ${line}: ${what} "${text.slice(0, 20)}" is not an amount (${(err as Error).message})`);
  }
}

const FEE_PATTERN = /^([+-])?(\d{1,13})(?:\.(\d{1,5}))?$/;

/** Fee text with up to five decimals of yuan → thousandths of a fen, by digits only: "0.00006" → 6, "-1.23456" → -123456. */
export function billMilliFen(value: string | undefined, what: string, line: number): number {
  const text = billText(value).replace(/,/g, '');
  if (text === '') return 0;
  const m = FEE_PATTERN.exec(text);
  if (!m) throw new TradeBillFormatError(`line ${line}: ${what} "${text.slice(0, 20)}" is not an amount with at most five decimals`);
  const magnitude = Number(m[2]) * 100_000 + Number((m[3] ?? '').padEnd(5, '0'));
  if (!Number.isSafeInteger(magnitude)) throw new TradeBillFormatError(`line ${line}: ${what} is too large`);
  return m[1] === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

/** `2026-11-20 10:03:21` (Shanghai) → the instant. */
export function billTime(value: string | undefined, line: number): Date {
  const text = billText(value);
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(text);
  if (!m) throw new TradeBillFormatError(`line ${line}: 交易时间 "${text.slice(0, 25)}" is not yyyy-MM-dd HH:mm:ss`);
  const d = new Date(`${m[1]}T${m[2]}+08:00`);
  if (Number.isNaN(d.getTime())) throw new TradeBillFormatError(`line ${line}: 交易时间 "${text}" is not a date`);
  return d;
}

export function parseTradeBill(content: string): TradeBill {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const at = (name: string, header: string[]) => header.indexOf(name);
  let i = lines.findIndex(l => l.trim() !== '');
  if (i < 0) throw new TradeBillFormatError('the bill is empty');
  const header = splitCsvLine(lines[i]).map(billText);
  for (const required of ['交易时间', '微信订单号', '商户订单号', '交易状态', '应结订单金额', '商户退款单号', '退款金额', '退款状态', '手续费']) {
    if (at(required, header) < 0) throw new TradeBillFormatError(`line ${i + 1}: the header has no 「${required}」 column`);
  }
  const col = (cells: string[], name: string) => (at(name, header) >= 0 ? cells[at(name, header)] : undefined);
  const rows: TradeBillRow[] = [];
  let summary: TradeBillSummary | null = null;
  for (i = i + 1; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const cells = splitCsvLine(raw);
    const line = i + 1;
    if (billText(cells[0]) === TRADE_BILL_SUMMARY_COLUMNS[0]) {
      const sHeader = cells.map(billText);
      const next = lines.slice(i + 1).findIndex(l => l.trim() !== '');
      if (next < 0) throw new TradeBillFormatError(`line ${line}: the summary header has no summary row`);
      const sLine = i + 2 + next;
      const s = splitCsvLine(lines[sLine - 1]);
      const sv = (name: string) => (sHeader.indexOf(name) >= 0 ? s[sHeader.indexOf(name)] : undefined);
      const countText = billText(sv('总交易单数'));
      if (!/^\d+$/.test(countText)) throw new TradeBillFormatError(`line ${sLine}: 总交易单数 "${countText}" is not a count`);
      summary = {
        count: Number(countText),
        settlementTotalFen: billFen(sv('应结订单总金额'), '应结订单总金额', sLine),
        refundTotalFen: billFen(sv('退款总金额'), '退款总金额', sLine),
        rechargeRefundTotalFen: billFen(sv('充值券退款总金额'), '充值券退款总金额', sLine),
        feeTotalMilliFen: billMilliFen(sv('手续费总金额'), '手续费总金额', sLine),
        orderTotalFen: billFen(sv('订单总金额'), '订单总金额', sLine),
        requestedRefundTotalFen: billFen(sv('申请退款总金额'), '申请退款总金额', sLine),
      };
      const after = lines.slice(sLine).filter(l => l.trim() !== '');
      if (after.length) throw new TradeBillFormatError(`line ${sLine + 1}: text after the summary row`);
      break;
    }
    if (cells.length < header.length) throw new TradeBillFormatError(`line ${line}: ${cells.length} columns, the header has ${header.length}`);
    rows.push({
      tradeTime: billTime(col(cells, '交易时间'), line),
      appId: billText(col(cells, '公众账号ID')),
      mchId: billText(col(cells, '商户号')),
      transactionId: billText(col(cells, '微信订单号')),
      outTradeNo: billText(col(cells, '商户订单号')),
      openid: billText(col(cells, '用户标识')),
      tradeType: billText(col(cells, '交易类型')),
      tradeState: billText(col(cells, '交易状态')),
      currency: billText(col(cells, '货币种类')),
      settlementFen: billFen(col(cells, '应结订单金额'), '应结订单金额', line),
      couponFen: billFen(col(cells, '代金券金额'), '代金券金额', line),
      refundId: billText(col(cells, '微信退款单号')).replace(/^0$/, ''),
      outRefundNo: billText(col(cells, '商户退款单号')).replace(/^0$/, ''),
      refundFen: billFen(col(cells, '退款金额'), '退款金额', line),
      refundStatus: billText(col(cells, '退款状态')),
      description: billText(col(cells, '商品名称')),
      feeMilliFen: billMilliFen(col(cells, '手续费'), '手续费', line),
      rate: billText(col(cells, '费率')),
      orderFen: billFen(col(cells, '订单金额'), '订单金额', line),
      requestedRefundFen: billFen(col(cells, '申请退款金额'), '申请退款金额', line),
      line,
    });
  }
  if (!summary) throw new TradeBillFormatError('the bill has no summary row (总交易单数 …)');
  // The summary is the channel's own arithmetic: rows that do not add up to it were misread or cut.
  const total = (pick: (r: TradeBillRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  if (summary.count !== rows.length) throw new TradeBillFormatError(`总交易单数 says ${summary.count}, the bill has ${rows.length} rows`);
  if (summary.settlementTotalFen !== total(r => r.settlementFen)) throw new TradeBillFormatError(`应结订单总金额 ${summary.settlementTotalFen} fen ≠ the rows' ${total(r => r.settlementFen)} fen`);
  if (summary.refundTotalFen !== total(r => r.refundFen)) throw new TradeBillFormatError(`退款总金额 ${summary.refundTotalFen} fen ≠ the rows' ${total(r => r.refundFen)} fen`);
  if (summary.feeTotalMilliFen !== total(r => r.feeMilliFen)) throw new TradeBillFormatError(`手续费总金额 ≠ the rows' fees`);
  return { rows, summary };
}

// ------------------------------------------------------------------ writing (the sandbox's bill)

export interface TradeBillInputRow {
  tradeTime: Date;
  appId: string;
  mchId: string;
  transactionId: string;
  outTradeNo: string;
  openid: string;
  tradeState: 'SUCCESS' | 'REFUND';
  settlementFen: number;
  refundId?: string;
  outRefundNo?: string;
  refundFen?: number;
  refundStatus?: string;
  description: string;
  /** Thousandths of a fen. */
  feeMilliFen: number;
  rate: string;
  orderFen: number;
  requestedRefundFen?: number;
}

/** fen → yuan text with two decimals; no float: `-5` → `-0.05`. */
export function fenText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const m = Math.abs(fen);
  return `${sign}${Math.trunc(m / 100)}.${String(m % 100).padStart(2, '0')}`;
}

export function milliFenText(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const m = Math.abs(milli);
  return `${sign}${Math.trunc(m / 100_000)}.${String(m % 100_000).padStart(5, '0')}`;
}

function shanghaiTimeText(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A bill in WeChat's format: backticked values, a summary header and row. */
export function writeTradeBill(rows: readonly TradeBillInputRow[]): string {
  const q = (v: string) => `\`${v}`;
  const out = [TRADE_BILL_COLUMNS.join(',')];
  for (const r of rows) {
    out.push(
      [
        shanghaiTimeText(r.tradeTime),
        r.appId,
        r.mchId,
        '0',
        '',
        r.transactionId,
        r.outTradeNo,
        r.openid,
        'JSAPI',
        r.tradeState,
        'OTHERS',
        'CNY',
        fenText(r.settlementFen),
        '0.00',
        r.refundId || '0',
        r.outRefundNo || '0',
        fenText(r.refundFen ?? 0),
        '0.00',
        r.outRefundNo ? 'ORIGINAL' : '',
        r.refundStatus ?? '',
        r.description.replace(/[,`"\r\n]/g, ' '),
        '',
        milliFenText(r.feeMilliFen),
        r.rate,
        fenText(r.orderFen),
        fenText(r.requestedRefundFen ?? 0),
        '',
      ]
        .map(q)
        .join(',')
    );
  }
  const sum = (pick: (r: TradeBillInputRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  out.push(TRADE_BILL_SUMMARY_COLUMNS.join(','));
  out.push(
    [
      String(rows.length),
      fenText(sum(r => r.settlementFen)),
      fenText(sum(r => r.refundFen ?? 0)),
      '0.00',
      milliFenText(sum(r => r.feeMilliFen)),
      fenText(sum(r => r.orderFen)),
      fenText(sum(r => r.requestedRefundFen ?? 0)),
    ]
      .map(q)
      .join(',')
  );
  return `${out.join('\r\n')}\r\n`;
}

/** The channel's fee at 0.6 %, in thousandths of a fen, rounded half up (how the sandbox charges). */
export function sandboxFeeMilliFen(fen: number): number {
  // 0.6 % of fen in milli-fen = fen * 1000 * 6 / 1000 = fen * 6: exact in integers.
  return fen * 6;
}
