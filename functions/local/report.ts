import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '../adapters/logger';
import { isIsoDate, localTime } from '../core/calendar';
import { DomainError } from '../core/errors';
import { publishReport } from '../core/publish';
import { endpointFile, startLocalRuntime } from './runtime';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const usage = 'usage: npm run report -- [--date YYYY-MM-DD]   (default: today)';
let values: { date?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { date: { type: 'string', short: 'd' }, help: { type: 'boolean', short: 'h' } },
  }));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${usage}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (values.date !== undefined && !isIsoDate(values.date)) {
  process.stderr.write(`--date must be a date YYYY-MM-DD\n${usage}\n`);
  process.exit(2);
}

const dataDir = resolve(process.env.DATA_DIR ?? '.data');
// While `npm start` runs it holds the store; talk to it rather than open the files twice.
const running = await readFile(endpointFile(dataDir), 'utf8').catch(() => undefined);
const endpoint =
  running &&
  (await fetch(running)
    .then(() => running)
    .catch(() => undefined));
const rt = await startLocalRuntime({
  dataDir,
  logger: silentLogger,
  ...(endpoint ? { endpoint } : {}),
});
try {
  const settings = await rt.stores.settings.getSettings();
  const date = values.date ?? localTime(rt.clock.now(), settings.timezone).date;
  const r = await publishReport(rt, date);
  const t = r.report.totals;
  process.stdout.write(
    `${date}: version ${r.report.version}${r.changed ? '' : ' (unchanged)'} — ` +
      `expected ${t.expected}, present ${t.present}, late ${t.late}, excused ${t.excused}, absent ${t.absent}\n` +
      r.keys.map((k) => `  ${resolve(dataDir, k)}\n`).join(''),
  );
} catch (err) {
  process.stderr.write(
    `${err instanceof DomainError ? `${err.code}: ` : ''}${(err as Error).message}\n`,
  );
  process.exitCode = 1;
} finally {
  await rt.close();
}
