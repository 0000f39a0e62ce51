import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { ConfigError, readEnv, TileEnvSchema } from '../adapters/config';
import { createLogger } from '../adapters/logger';
import { isIsoDate } from '../core/calendar';
import { DEFAULT_SETTINGS } from '../core/settings';
import { startOfLocalDate } from '../core/settings-history';
import { mapTiles } from '../http/pages/map-tiles';
import { DEMO_POINT } from './demo';
import { startLocalRuntime } from './runtime';
import { startLocalSchedule } from './schedule';

// The SDK warns that its 2027 releases need Node 22; Lambda runs Node 24, and locally it is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const logger = createLogger('apel-local');

// A new data folder is a deployment whose first day is today, unless APEL_FIRST_DAY says otherwise
// (to try reports of past dates): no report exists before the first day.
const firstDay = process.env.APEL_FIRST_DAY;
if (firstDay !== undefined && !isIsoDate(firstDay)) {
  process.stderr.write(
    `APEL_FIRST_DAY must be a date YYYY-MM-DD, not ${JSON.stringify(firstDay)}\n`,
  );
  process.exit(2);
}
const tileEnv = (() => {
  try {
    return readEnv(TileEnvSchema, process.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
})();
const runtime = await startLocalRuntime({
  dataDir,
  logger,
  tiles: mapTiles(tileEnv.TILE_URL, tileEnv.TILE_ATTRIBUTION),
  publicUrl: process.env.APEL_PUBLIC_URL,
  ...(firstDay ? { deployedAt: startOfLocalDate(firstDay, DEFAULT_SETTINGS.timezone) } : {}),
});
const schedule = startLocalSchedule(runtime, logger);
const server = serve({ fetch: runtime.app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' });
// Node closes an idle kept-alive connection after 5 s, and clients (undici: 4 s) reuse one up to
// then. When the event loop lags by more than that second — a burst of check-ins, a stall — the
// server's timer fires as the client's next request arrives, and the client reads "other side
// closed". An idle limit far above any client's keeps the closing on the client's side.
if ('keepAliveTimeout' in server) {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

const base = `http://localhost:${port}`;
// Tokens and reports must use the server's DATA_DIR (its signing key and store), so say it.
const withDataDir = process.env.DATA_DIR ? `DATA_DIR=${shellWord(dataDir)} ` : '';
process.stdout.write(`
apel is running on ${base}   (data: ${dataDir}${runtime.seeded ? ', demo seeded' : ''})

  Halaman absen / check-in page:          ${base}   (Masuk → pilih pegawai demo / pick a demo employee)
  Konsol BKD / staff console:             ${base}/admin   (Masuk → Admin BKD)
  Token untuk pegawai / for an employee:  ${withDataDir}npm run token -- --employee demo-001
  Token untuk admin / for an admin:       ${withDataDir}npm run token -- --employee bkd-admin --admin
  Laporan / report:                       ${withDataDir}npm run report -- --date YYYY-MM-DD
                                          (published files: ${dataDir}/reports/)

  curl ${base}/v1/health
  curl -X POST ${base}/v1/checkins -H "Authorization: Bearer $TOKEN" \\
       -H 'Content-Type: application/json' \\
       -d '{"lat":${DEMO_POINT.lat},"lon":${DEMO_POINT.lon},"accuracy":8,"capturedAt":"'$(date -u +%FT%TZ)'"}'

`);

/** A path as one shell word: as it is when that is safe, otherwise in single quotes. */
function shellWord(value: string): string {
  return /^[\w./@%+=:,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await schedule.stop();
  server.close();
  await runtime.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
