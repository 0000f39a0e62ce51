import { coldStartBench } from './cold-start';
import { consoleBench } from './console';
import { costBench } from './cost';
import { e2eBench } from './e2e';
import { geofenceBench } from './geofence';
import { SMOKE } from './harness';
import { load, machine } from './machine';
import { monthScaleBench } from './month-scale';
import { markdown, type Section } from './output';
import { presenceBench } from './presence';
import { reportScaleBench } from './report-scale';
import { requestBench } from './request';

// The SDK's notice that its 2027 releases need Node 22 is noise here, as in the local server.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const BENCHES: Record<string, () => Promise<Section[]>> = {
  geofence: geofenceBench,
  request: requestBench,
  presence: presenceBench,
  'cold-start': coldStartBench,
  e2e: e2eBench,
  'report-scale': reportScaleBench,
  console: consoleBench,
  // Only when asked for (--only=month-scale): about an hour and several GB of disk at 250,000.
  'month-scale': monthScaleBench,
  // Last: built from what the benchmarks above measured.
  cost: costBench,
};

const only = process.argv
  .slice(2)
  .flatMap((a) => (a.startsWith('--only=') ? a.slice(7).split(',') : []));
// The cost model is built from what these measure, so it brings them along.
const NEEDS: Record<string, string[]> = { cost: ['request', 'e2e', 'report-scale'] };
const OPT_IN = new Set(['month-scale']);
const wanted =
  only.length > 0
    ? only.flatMap((b) => [...(NEEDS[b] ?? []), b])
    : Object.keys(BENCHES).filter((b) => !OPT_IN.has(b));
const chosen = Object.keys(BENCHES)
  .filter((b) => wanted.includes(b))
  .concat(wanted.filter((b) => !BENCHES[b]));
for (const name of chosen) {
  if (!BENCHES[name]) {
    process.stderr.write(
      `unknown benchmark ${name}; choose from ${Object.keys(BENCHES).join(', ')}\n`,
    );
    process.exit(2);
  }
}

process.stdout.write(
  `## Run of ${new Date().toISOString()}${SMOKE ? ' (SMOKE: tiny counts, figures meaningless)' : ''}\n\n` +
    `Machine: ${machine()}; 1-min load average at start ${load()}\n\n`,
);
for (const name of chosen) {
  const started = performance.now();
  process.stderr.write(`[bench] ${name} …\n`);
  for (const section of await BENCHES[name]!()) process.stdout.write(`${markdown(section)}\n`);
  process.stderr.write(
    `[bench] ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
process.stdout.write(`1-min load average at the end: ${load()}\n`);
