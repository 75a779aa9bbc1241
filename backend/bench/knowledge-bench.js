#!/usr/bin/env node
/**
 * npm run bench:knowledge -w backend
 *
 * Knowledge-base search over BENCH_ARTICLES (default 10,000) published customer articles, through
 * the real application in process (GET /api/app/help/articles?keyword=…, HTTP stack included) on
 * the embedded SQLite database (BENCH_DB=mysql for a scratch MariaDB/MySQL database).
 * Articles are generated Chinese FAQ-style text (title, tags, ~120-character body) so the bigram
 * index holds realistic term frequencies; queries mix common terms (挂号, 退款) and rare ones.
 *
 * Baselines, measured in the same run over the same articles:
 *   - scan: the same substring match done by a JavaScript scan of every article held in memory
 *     (what a LIKE '%…%' does, without the database);
 *   - like: SELECT … WHERE title LIKE ? OR body LIKE ? on the same table (the approach the index replaces).
 * Requests are sequential, after a warm-up. Prints p50/p95/p99/max. Target: endpoint p95 < 30 ms.
 *
 * Env: BENCH_ARTICLES, BENCH_REQUESTS (default 400), BENCH_DB, DB_HOST/DB_PORT/DB_USER/DB_PASSWORD.
 */
const path = require('path');
const os = require('os');
process.env.NODE_ENV = 'unittest';
// A fresh database every run, as the tests do: in-memory SQLite, uploads and logs in a temp folder.
process.env.DATA_DIR = require('fs').mkdtempSync(path.join(os.tmpdir(), 'escort-kbbench-'));
process.env.LOG_DIR = process.env.LOG_DIR || path.join(os.tmpdir(), 'escort-kbbench-logs');
process.env.SEED_DEMO = 'true';
if ((process.env.BENCH_DB || 'sqlite') !== 'mysql') {
  process.env.DB_TYPE = 'sqlite';
  process.env.DB_SQLITE_FILE = ':memory:';
  delete process.env.DATABASE_URL;
}
require('ts-node').register({ transpileOnly: true, project: path.resolve(__dirname, '../tsconfig.test.json') });

const ARTICLES = Number(process.env.BENCH_ARTICLES || 10000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 400);
const DB = process.env.BENCH_DB || 'sqlite';

const TOPICS = ['挂号', '退款', '支付', '取消', '评价', '发票', '预约', '陪诊师', '住院', '检查', '报告', '医保', '改约', '核销码', '优惠', '会员', '隐私', '投诉', '代办', '取药'];
const HOSPITALS = ['中山医院', '瑞金医院', '华山医院', '协和医院', '仁济医院', '六院', '儿童医院', '肿瘤医院'];
const PHRASES = [
  '请在小程序首页选择服务后按提示操作',
  '如遇特殊情况可联系客服处理',
  '服务开始前两小时内取消将收取部分违约金',
  '陪诊师会提前十五分钟到达集合点',
  '费用以下单时显示的价格为准',
  '支持微信支付与医保卡线下缴费',
  '报告领取需要携带就诊卡与身份证',
  '老年患者建议由家属陪同确认信息',
  '住院陪护按天计费夜间另计',
  '评价提交后可以追加但不能修改',
];

function article(i) {
  const topic = TOPICS[i % TOPICS.length];
  const other = TOPICS[(i * 7 + 3) % TOPICS.length];
  const hospital = HOSPITALS[i % HOSPITALS.length];
  const body = [PHRASES[i % PHRASES.length], `${hospital}${other}流程说明`, PHRASES[(i * 3 + 1) % PHRASES.length], PHRASES[(i * 5 + 2) % PHRASES.length], `编号${i}`].join('，');
  return { title: `${hospital}如何${topic}（第${i}篇）`, body: `## ${topic}\n\n${body}。`, tags: [topic, other] };
}

const QUERIES = ['挂号', '如何退款', '中山医院', '核销码', '陪诊师', '夜间另计', '医保卡', '第123篇', '追加', '瑞金医院检查'];

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = p => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  return { p50: at(50), p95: at(95), p99: at(99), max: s[s.length - 1] };
}
const fmt = ms => `${ms.toFixed(2)} ms`;

async function main() {
  let drop;
  if (DB === 'mysql') {
    const { createScratchMysqlDatabase } = require('../scripts/lib/schema-tools');
    const scratch = await createScratchMysqlDatabase('escort_kbbench');
    process.env.DB_TYPE = 'mysql';
    process.env.DB_NAME = scratch.name;
    drop = scratch.drop;
  }
  const { createApp, createHttpRequest, close } = require('@midwayjs/mock');
  const { TypeORMDataSourceManager } = require('@midwayjs/typeorm');
  const { indexFields } = require('../src/modules/knowledge/knowledge.service');
  const { TextIndexEntry } = require('../src/modules/search/text-index.entity');
  const { KbArticle } = require('../src/modules/knowledge/kb-article.entity');
  const { markdownToText } = require('../src/modules/knowledge/markdown');
  const { containsQuery, weightedTerms } = require('../src/modules/search/text-terms');
  const app = await createApp();
  try {
    const ds = (await app.getApplicationContext().getAsync(TypeORMDataSourceManager)).getDataSource('default');
    const t0 = Date.now();
    const generated = [];
    for (let start = 0; start < ARTICLES; start += 100) {
      await ds.transaction(async m => {
        const repo = m.getRepository(KbArticle);
        const batch = [];
        for (let i = start; i < Math.min(ARTICLES, start + 100); i++) batch.push(article(i));
        const res = await repo.insert(
          batch.map((a, k) => ({ audience: 'customer', status: 'published', title: a.title, summary: '', body: a.body, tags: a.tags, isFaq: false, sortOrder: start + k, version: 1, publishedAt: new Date(), updatedBy: 'bench' }))
        );
        // The index rows the service writes on save (same fields and weights), inserted in bulk.
        const terms = [];
        for (let k = 0; k < batch.length; k++) {
          const id = res.identifiers[k].id;
          const a = { ...batch[k], summary: '' };
          for (const [term, weight] of weightedTerms(indexFields(a))) terms.push({ docType: 'kb_article', docId: id, term, weight });
          generated.push({ id, title: a.title, text: `${a.title} ${a.tags.join(' ')} ${markdownToText(a.body)}` });
        }
        for (let j = 0; j < terms.length; j += 200) await m.getRepository(TextIndexEntry).insert(terms.slice(j, j + 200));
      });
    }
    const indexRows = await ds.query('SELECT COUNT(*) AS n FROM text_index WHERE doc_type = ?', ['kb_article']);
    console.log(`[bench] ${DB}: ${ARTICLES} articles indexed in ${((Date.now() - t0) / 1000).toFixed(1)} s (${Number(indexRows[0].n)} index rows)`);

    const http = createHttpRequest(app);
    const endpoint = [];
    const scan = [];
    const like = [];
    const hits = {};
    for (let i = 0; i < 30; i++) await http.get('/api/app/help/articles').query({ keyword: QUERIES[i % QUERIES.length] });
    for (let i = 0; i < REQUESTS; i++) {
      const q = QUERIES[i % QUERIES.length];
      let t = process.hrtime.bigint();
      const res = await http.get('/api/app/help/articles').query({ keyword: q, pageSize: 20 });
      endpoint.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (res.status !== 200) throw new Error(`search failed: ${res.status} ${JSON.stringify(res.body)}`);
      hits[q] = res.body.data.total;

      t = process.hrtime.bigint();
      const found = generated.filter(a => containsQuery(a.text, q));
      found.sort((a, b) => Number(containsQuery(b.title, q)) - Number(containsQuery(a.title, q)) || a.id - b.id);
      scan.push(Number(process.hrtime.bigint() - t) / 1e6);

      t = process.hrtime.bigint();
      await ds.query('SELECT id FROM kb_articles WHERE audience = ? AND status = ? AND (title LIKE ? OR body LIKE ?) ORDER BY id LIMIT 20', ['customer', 'published', `%${q}%`, `%${q}%`]);
      like.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const rows = [
      ['GET /api/app/help/articles?keyword= (bigram index)', stats(endpoint)],
      ['baseline: JS substring scan of all articles in memory', stats(scan)],
      ['baseline: SQL LIKE %q% on title/body', stats(like)],
    ];
    console.log(`\n${REQUESTS} sequential searches, ${QUERIES.length} queries; hits per query: ${JSON.stringify(hits)}\n`);
    console.log('| scenario | p50 | p95 | p99 | max |\n|---|---|---|---|---|');
    for (const [name, s] of rows) console.log(`| ${name} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(s.max)} |`);
    const p95 = stats(endpoint).p95;
    console.log(`\ntarget p95 < 30 ms: ${p95 < 30 ? 'met' : 'NOT met'} (${fmt(p95)})`);
  } finally {
    await close(app);
    if (drop) await drop();
  }
}

main().then(
  () => process.exit(0),
  err => {
    console.error(err);
    process.exit(1);
  }
);
