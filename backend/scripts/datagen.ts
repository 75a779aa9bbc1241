/**
 * npm run datagen -w backend -- --orders 1000000 --seed 42 [--days 730] [--no-rebuild] [--quality-only]
 *
 * Writes a generated data set into the configured database (DB_TYPE / DB_HOST / DB_NAME … or
 * DATABASE_URL, as for the server; the database is created and migrated when missing), then
 * rebuilds the analytics rollups. Use a database of its own, e.g. DB_NAME=escort_bench_analytics.
 */
import { createConnection } from 'mysql2/promise';
import { generate, generateQuality } from './lib/datagen';
import { openConfiguredDb } from './lib/open-db';
import { loadSettings } from '../src/config/settings';
import { rebuildRollups } from '../src/modules/analytics/rollup-rebuild';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} needs a whole number`);
  return v;
}

function bar(done: number, total: number, t0: number): string {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const secs = (Date.now() - t0) / 1000;
  const rate = done / Math.max(secs, 0.001);
  const eta = rate > 0 ? (total - done) / rate : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${((done / Math.max(total, 1)) * 100).toFixed(1)}% ${done}/${total} orders, ${Math.round(rate)}/s, ${secs.toFixed(0)} s, ETA ${eta.toFixed(0)} s`;
}

async function main() {
  const orders = arg('orders', 10_000);
  const seed = arg('seed', 42);
  const days = arg('days', 730);
  const settings = loadSettings(process.env);
  if (settings.db.type === 'mysql') {
    const c = await createConnection({ host: settings.db.host, port: settings.db.port, user: settings.db.username, password: settings.db.password });
    await c.query(`CREATE DATABASE IF NOT EXISTS \`${settings.db.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
  }
  const { ds, dialect, describe } = await openConfiguredDb();
  console.log(`generating ${orders} orders over ${days} days (seed ${seed}) into ${describe}`);
  const t0 = Date.now();
  try {
    if (process.argv.includes('--quality-only')) {
      // Reviews and complaints for the completed orders already there (a set generated before they existed).
      const q = await generateQuality(ds, { seed, onProgress: (done, total) => process.stderr.write(`\r${bar(done, total, t0)}`) });
      process.stderr.write('\n');
      console.log(`wrote in ${(q.ms / 1000).toFixed(1)} s: ${q.reviews} reviews, ${q.tickets} complaint tickets`);
      if (process.argv.includes('--no-rebuild')) return;
      const rb = await rebuildRollups(ds, work => ds.transaction(work), dialect, msg => console.log(msg));
      console.log(`rollups rebuilt in ${(rb.ms / 1000).toFixed(1)} s: analytics_daily ${rb.dailyRows} rows, analytics_daily_city ${rb.cityRows} rows`);
      return;
    }
    const r = await generate(ds, { orders, seed, days, onProgress: (done, total) => process.stderr.write(`\r${bar(done, total, t0)}`) });
    process.stderr.write('\n');
    console.log(
      `wrote in ${(r.ms / 1000).toFixed(1)} s: ${r.orders} orders, ${r.customers} customers, ${r.patients} patients, ${r.escorts} escorts, ${r.hospitals} hospitals, ` +
        `${r.cities} cities, ${r.payments} payments, ${r.refunds} refunds, ${r.ledgerEntries} ledger entries (${r.ledgerLines} lines), ${r.reviews} reviews, ${r.tickets} complaint tickets`
    );
    // --no-rebuild: the rollups are rebuilt later (e.g. after a migration) with npm run analytics:rebuild.
    if (process.argv.includes('--no-rebuild')) return;
    console.log('rebuilding analytics rollups …');
    const rb = await rebuildRollups(ds, work => ds.transaction(work), dialect, msg => console.log(msg));
    console.log(`rollups rebuilt in ${(rb.ms / 1000).toFixed(1)} s: analytics_daily ${rb.dailyRows} rows, analytics_daily_city ${rb.cityRows} rows`);
  } finally {
    await ds.destroy();
  }
}

main().catch(err => {
  process.stderr.write('\n');
  console.error(err);
  process.exit(1);
});
