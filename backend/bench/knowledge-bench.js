#!/usr/bin/env node
/**
 * npm run bench:knowledge -w backend
 *
 * Knowledge-base search over BENCH_ARTICLES (default 10,000) published help-center articles,
 * through the real built API (GET /api/app/help/articles?keyword=…&pageSize=20: HTTP, guard,
 * validation, the ranked and paged SQL, the page's rows) on a scratch SQLite file and a scratch
 * MySQL/MariaDB database (BENCH_DB=sqlite|mysql|both, default both). Articles are generated
 * Chinese FAQ-style text (title, two tags, a ~120-character body) written straight into the
 * tables with the same index rows, scope and normalised columns the service writes on save
 * (`indexFields`, `weightedTerms`, `searchColumns` from dist/), so the index holds realistic term
 * frequencies: 医院 / 如何 occur in nearly every article, topic words in 5-30 %, numbers in a few.
 *
 * Queries, in four classes (p50/p95/p99 per class and database):
 *   2-char      a single index term: 挂号, 追加, 医院 (8,750 hits), 陪诊
 *   4-char      three bigrams to intersect: 如何退款, 中山医院, 夜间另计, 瑞金医院 (one of them common)
 *   multi-word  words separated by spaces: 中山 退款, 瑞金医院 检查, 陪诊师 取消, 医保 报告
 *   no-hit      量子力学, 火星基地, 区块链
 *
 * Baselines, same run and database:
 *   - bare koa answering an envelope (bench/koa-baseline.js): the HTTP floor;
 *   - SQL `title LIKE '%q%' OR body LIKE '%q%' … LIMIT 20` over a direct connection (what a
 *     naive search does; it stops at the first 20 rows, cannot rank and gives no total);
 *   - the same LIKE with `COUNT(*)`: the cost of a total the naive way (every row read).
 * Requests are sequential (one reader), after a warm-up. Target: every class p95 < 30 ms.
 * `--check` exits 1 if missed.
 *
 * Env: BENCH_ARTICLES, BENCH_REQUESTS (per class, default 200), BENCH_DB,
 * DB_HOST/DB_PORT/DB_USER/DB_PASSWORD for MySQL.
 */
const os = require('os');
const path = require('path');
const H = require('./lib/harness');

const ARTICLES = Number(process.env.BENCH_ARTICLES || 10000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 200);
const DBS = (process.env.BENCH_DB || 'both') === 'both' ? ['sqlite', 'mysql'] : [process.env.BENCH_DB];
const client = H.httpClient({ maxSockets: 4 });
const { request } = client;

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
  return { title: `${hospital}如何${topic}（第${i}篇）`, summary: '', body: `## ${topic}\n\n${body}。`, tags: [topic, other] };
}

const CLASSES = {
  '2-char': ['挂号', '追加', '医院', '陪诊'],
  '4-char': ['如何退款', '中山医院', '夜间另计', '瑞金医院'],
  'multi-word': ['中山 退款', '瑞金医院 检查', '陪诊师 取消', '医保 报告'],
  'no-hit': ['量子力学', '火星基地', '区块链'],
};

/** Rows for kb_articles and text_index, computed with the service's own functions. */
function generate() {
  const dist = p => require(path.join(H.backendDir, 'dist', p));
  const { indexFields } = dist('modules/knowledge/knowledge.service.js');
  const { searchColumns, scopeOf } = dist('modules/knowledge/kb-search.js');
  const { weightedTerms } = dist('modules/search/text-terms.js');
  const scope = scopeOf('customer', 'published');
  const articles = [];
  const terms = [];
  for (let i = 0; i < ARTICLES; i++) {
    const a = article(i);
    const c = searchColumns(a);
    articles.push({ ...a, ...c });
    for (const [term, weight] of weightedTerms(indexFields(a))) terms.push([i, term, weight]);
  }
  return { articles, terms, scope };
}

const ARTICLE_COLS = ['id', 'audience', 'status', 'title', 'summary', 'body', 'tags', 'search_title', 'search_tags', 'search_summary', 'search_body', 'is_faq', 'sort_order', 'version', 'published_at', 'updated_by'];
const articleRow = (id, a, sort, published) => [id, 'customer', 'published', a.title, a.summary, a.body, JSON.stringify(a.tags), a.searchTitle, a.searchTags, a.searchSummary, a.searchBody, 0, sort, 1, published, 'bench'];

async function seedSqlite(db, g) {
  const Database = require('better-sqlite3');
  const conn = new Database(db.name);
  conn.pragma('busy_timeout = 10000');
  const first = Number(conn.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM kb_articles').get().m) + 1;
  const published = new Date().toISOString().slice(0, 23).replace('T', ' ');
  const insA = conn.prepare(`INSERT INTO kb_articles (${ARTICLE_COLS.join(', ')}) VALUES (${ARTICLE_COLS.map(() => '?').join(', ')})`);
  const insT = conn.prepare('INSERT INTO text_index (doc_type, scope, doc_id, term, weight) VALUES (?, ?, ?, ?, ?)');
  conn.transaction(() => {
    g.articles.forEach((a, i) => insA.run(...articleRow(first + i, a, 1000 + i, published)));
    for (const [i, term, weight] of g.terms) insT.run('kb_article', g.scope, first + i, term, weight);
  })();
  // Fold the bulk load into the database file, as SQLite's auto-checkpoint does over time.
  conn.pragma('wal_checkpoint(TRUNCATE)');
  conn.close();
}

async function seedMysql(db, g) {
  const conn = await db.open();
  try {
    const [[{ m }]] = await conn.query('SELECT COALESCE(MAX(id), 0) AS m FROM kb_articles');
    const first = Number(m) + 1;
    const published = new Date();
    for (let i = 0; i < g.articles.length; i += 1000) {
      await conn.query(`INSERT INTO kb_articles (${ARTICLE_COLS.join(', ')}) VALUES ?`, [g.articles.slice(i, i + 1000).map((a, k) => articleRow(first + i + k, a, 1000 + i + k, published))]);
    }
    for (let i = 0; i < g.terms.length; i += 5000) {
      await conn.query('INSERT INTO text_index (doc_type, scope, doc_id, term, weight) VALUES ?', [g.terms.slice(i, i + 5000).map(([k, term, weight]) => ['kb_article', g.scope, first + k, term, weight])]);
    }
    // Fresh statistics, as InnoDB would gather on its own after the bulk load.
    await conn.query('ANALYZE TABLE kb_articles, text_index');
  } finally {
    await conn.end();
  }
}

async function timed(n, fn) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn(i);
    samples.push(performance.now() - s);
  }
  return H.quantiles(samples);
}

async function benchDb(kind, g, basePort, ctx) {
  const db = await H.scratchDatabase(kind, kind === 'mysql' ? 'escort_kbbench' : 'escort-kbbench');
  if (process.env.BENCH_KEEP) console.log(`> keeping ${db.name}`);
  else ctx.cleanups.push(db.drop);
  const api = await H.startApi(client, { env: db.env, logPrefix: 'escort-kbbench-logs' });
  ctx.children.push(api.child);
  const t0 = performance.now();
  await (kind === 'mysql' ? seedMysql(db, g) : seedSqlite(db, g));
  console.log(`> ${kind}: ${ARTICLES} articles, ${g.terms.length} index rows written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // The servers closed the keep-alive sockets that idled through the seeding.
  client.agent.destroy();

  const search = q => request(api.port, 'GET', `/api/app/help/articles?keyword=${encodeURIComponent(q)}&pageSize=20`);
  const hits = {};
  for (const queries of Object.values(CLASSES)) {
    for (const q of queries) {
      const r = await search(q);
      if (r.status !== 200) throw new Error(`search ${q} failed: ${r.status} ${JSON.stringify(r.body)}`);
      hits[q] = r.body.data.total;
    }
  }
  // Warm-up: every query, and the baseline, a few times.
  for (let i = 0; i < 3; i++) for (const q of Object.values(CLASSES).flat()) await search(q);
  for (let i = 0; i < 50; i++) await request(basePort, 'GET', '/');

  const rows = [];
  const perQuery = {};
  rows.push(['bare koa GET / (HTTP floor)', await timed(REQUESTS, () => request(basePort, 'GET', '/'))]);
  for (const [name, queries] of Object.entries(CLASSES)) {
    rows.push([`search ${name} (${queries.join(', ')})`, await timed(REQUESTS, async i => {
      const q = queries[i % queries.length];
      const s = performance.now();
      const r = await search(q);
      (perQuery[q] = perQuery[q] || []).push(performance.now() - s);
      if (r.status !== 200) throw new Error(`search failed: ${r.status}`);
    })]);
  }
  const conn = await db.open();
  try {
    const all = Object.values(CLASSES).flat();
    const like = sql => timed(REQUESTS, i => conn.query(sql, ['customer', 'published', `%${all[i % all.length]}%`, `%${all[i % all.length]}%`]));
    rows.push(['baseline: SQL LIKE %q% on title/body, LIMIT 20 (all classes)', await like('SELECT id, title FROM kb_articles WHERE audience = ? AND status = ? AND (title LIKE ? OR body LIKE ?) ORDER BY id LIMIT 20')]);
    rows.push(['baseline: SQL LIKE %q% on title/body, COUNT(*) (all classes)', await like('SELECT COUNT(*) AS n FROM kb_articles WHERE audience = ? AND status = ? AND (title LIKE ? OR body LIKE ?)')]);
  } finally {
    await conn.end();
  }
  api.child.kill('SIGTERM');
  return { kind, hits, rows, perQuery };
}

async function main(ctx) {
  H.ensureBuilt('dist/modules/knowledge/kb-search.js');
  const baseline = await H.startKoaBaseline(client);
  ctx.children.push(baseline.child);
  const g = generate();
  const results = [];
  for (const kind of DBS) results.push(await benchDb(kind, g, baseline.port, ctx));

  console.log(`\nknowledge search bench: ${ARTICLES} published articles, node ${process.version}, ${os.cpus().length} cpus, load average ${os.loadavg().map(x => x.toFixed(1)).join(' ')}, ${REQUESTS} sequential requests per row after warm-up`);
  let ok = true;
  for (const r of results) {
    console.log(`\n${r.kind}, per query (hits, p50 / p95 ms): ${Object.entries(r.perQuery).map(([q, v]) => { const s = H.quantiles(v); return `${q} ${r.hits[q]} ${s.p50.toFixed(1)}/${s.p95.toFixed(1)}`; }).join('; ')}`);
    console.log(`| ${r.kind} | n | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|`);
    for (const [name, s] of r.rows) {
      console.log(`| ${name} | ${s.n} | ${s.p50.toFixed(1)} ms | ${s.p95.toFixed(1)} ms | ${s.p99.toFixed(1)} ms | ${s.max.toFixed(1)} ms |`);
      if (name.startsWith('search ') && s.p95 >= 30) ok = false;
    }
  }
  console.log(`\ntarget: every search class p95 < 30 ms: ${ok ? 'met' : 'NOT met'}`);
  if (process.argv.includes('--check') && !ok) process.exitCode = 1;
  client.destroy();
}

H.run(main);
