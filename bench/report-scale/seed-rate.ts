import { startDynalite } from '../../functions/local/dynalite';
import { localTable } from '../local-table';
import { seed } from './seed';

/**
 * How fast the report bench seeds a roster of N (default 5,000) on a fresh dynalite, alone:
 *
 *   node --import tsx bench/report-scale/seed-rate.ts 5000
 */
const size = Number(process.argv[2] ?? 5000);
const dynamo = await startDynalite();
const { client, stores } = await localTable(dynamo.endpoint, 'apel-seed-rate');
const s = await seed(stores, size);
process.stdout.write(
  `${JSON.stringify({
    employees: size,
    items: s.items,
    ms: Math.round(s.ms),
    itemsPerS: Math.round(s.items / (s.ms / 1000)),
    employeesPerS: Math.round(size / (s.ms / 1000)),
  })}\n`,
);
client.destroy();
await dynamo.close();
