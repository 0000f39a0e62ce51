// The cost model (part 6) rebuilt from figures an earlier full run measured, without running the
// heavy parts again: `node --import tsx bench/cost/from-figures.ts --round-trips=5`. The figures
// below are the run of 2026-11-27T23:05:11Z (BENCHMARKS.md, appendix); the round trips come from
// `BENCH_SMOKE=1 node --import tsx bench/run.ts --only=e2e` (its count does not depend on the
// load's size). Prints the cost table as `npm run bench` would.

import { measured } from '../measured';
import { markdown } from '../output';
import { costBench } from '.';

const arg = process.argv.find((a) => a.startsWith('--round-trips='));
const roundTrips = Number(arg?.slice('--round-trips='.length));
if (!Number.isInteger(roundTrips) || roundTrips < 1) {
  process.stderr.write('usage: bench/cost/from-figures.ts --round-trips=<n, from part 4>\n');
  process.exit(2);
}

Object.assign(measured, {
  logBytesPerCheckin: 479,
  appNsPerCheckin: 168_000,
  checkin: {
    requests: { BatchGetItem: 1, GetItem: 0.01, PutItem: 4, Query: 1, UpdateItem: 2 },
    readUnits: 2,
    writeUnits: 6,
    roundTrips,
  },
  reports: [
    {
      employees: 100_000,
      wallMs: 3_920,
      readUnits: 5_273,
      writeUnits: 3,
      files: 9,
      fileBytes: 22_634.5 * 1000,
      peakRssMb: 504,
    },
  ],
});
const [table] = await costBench();
if (table) process.stdout.write(`${markdown(table)}\n`);
