/**
 * npm run analytics:rebuild -w backend
 *
 * Recomputes the analytics rollups from the raw tables of the configured database.
 */
import { openConfiguredDb } from './lib/open-db';
import { rebuildRollups } from '../src/modules/analytics/rollup-rebuild';

async function main() {
  const { ds, dialect, describe } = await openConfiguredDb();
  console.log(`rebuilding analytics rollups on ${describe}`);
  try {
    const r = await rebuildRollups(ds, work => ds.transaction(work), dialect, msg => console.log(msg));
    console.log(`done in ${(r.ms / 1000).toFixed(1)} s: analytics_daily ${r.dailyRows} rows, analytics_daily_city ${r.cityRows} rows, ${r.customers} paying customers`);
  } finally {
    await ds.destroy();
  }
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
