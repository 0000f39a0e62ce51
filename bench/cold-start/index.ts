import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { DEMO_POINT, DEMO_SITE, demoEmployeeId, demoRoster } from '../../functions/local/demo';
import { startDynalite } from '../../functions/local/dynalite';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localIssuer } from '../../functions/local/issuer';
import { httpApiEvent, zoneAtNoon } from '../../test/support/lambda';
import { median, SMOKE } from '../harness';
import { localTable } from '../local-table';
import { kb, ms, ratio, type Section, verdict } from '../output';
import {
  type Bundle,
  bundle,
  bytesByPackage,
  FLOOR_ENTRY,
  handlerEntries,
  STAGES_ENTRY,
} from './bundles';
import { type ColdRun, coldRun } from './processes';

const ROUNDS = SMOKE ? 1 : 11;
const GOAL_BYTES = 400_000;
const GOAL_RATIO = 1.2;
const TABLE = 'apel-cold';

/** A table with the demo deployment, its window open now, on a dynalite in this process. */
async function seededDynamo() {
  const dynamo = await startDynalite();
  const { client, store } = await localTable(dynamo.endpoint, TABLE);
  await store.putSettings({
    ...DEFAULT_SETTINGS,
    timezone: zoneAtNoon(),
    opensAt: '06:00',
    startsAt: '17:00',
    closesAt: '18:00',
    reportAt: '19:00',
    workdays: [1, 2, 3, 4, 5, 6, 7],
  });
  await store.putSite(DEMO_SITE);
  await store.putEmployees(demoRoster(ROUNDS + 1));
  return {
    endpoint: dynamo.endpoint,
    close: async () => {
      client.destroy();
      await dynamo.close();
    },
  };
}

function sizeSection(all: Bundle[]): Section {
  const by = (name: string, variant: Bundle['variant']) =>
    all.find((b) => b.name === name && b.variant === variant)!;
  const names = [...new Set(all.map((b) => b.name))];
  return {
    title: 'Cold start: Lambda bundle sizes (esbuild, minified, ESM, node24)',
    columns: [
      'bundle',
      'SDK bundled (chosen)',
      'gzip',
      'SDK left to the runtime',
      "SDK bundled, esbuild's default mainFields",
      'goal',
    ],
    rows: names.map((name) => {
      const chosen = by(name, 'sdk-bundled');
      return [
        name === 'floor'
          ? 'floor: Hono + DynamoDB document client'
          : `functions/handlers/${name}.ts`,
        kb(chosen.bytes),
        kb(chosen.gzipBytes),
        kb(by(name, 'sdk-external').bytes),
        kb(by(name, 'main-first').bytes),
        name === 'api' ? `≤ 400 KB: ${verdict(chosen.bytes <= GOAL_BYTES)}` : '',
      ];
    }),
    notes: [
      'Options: bundle, platform node, target node24, format esm, minify, tree shaking, mainFields module-first, a createRequire banner (bench/cold-start/esbuild-options.ts).',
      '"SDK left to the runtime": `@aws-sdk/*` and `@smithy/*` external, as the Node 24 runtime provides SDK v3 (of its own version).',
    ],
  };
}

function bytesSection(api: Bundle, floor: Bundle): Section {
  const floorBy = new Map(bytesByPackage(floor));
  const rows = bytesByPackage(api)
    .slice(0, 14)
    .map(([pkg, bytes]) => [pkg, kb(bytes), floorBy.has(pkg) ? kb(floorBy.get(pkg)!) : '—']);
  return {
    title: 'Cold start: where the API bundle’s bytes come from (esbuild metafile)',
    columns: ['package', 'bytes in the API bundle', 'bytes in the floor'],
    rows,
  };
}

/** Where the API's import time goes, stage by stage (bench/cold-start/stages-entry.ts). */
function stagesSection(runs: ColdRun[], staged: Bundle, api: Bundle): Section {
  const names = runs[0]?.stages.map(([n]) => n) ?? [];
  const FLOOR_STAGES = 2; // SDK and Hono modules, document client: what the floor does too
  const med = names.map((_, i) => median(runs.map((r) => r.stages[i]?.[1] ?? 0)));
  const ours = med.slice(FLOOR_STAGES).reduce((a, b) => a + b, 0);
  const floor = med.slice(0, FLOOR_STAGES).reduce((a, b) => a + b, 0);
  return {
    title: 'Cold start: what the API handler’s import spends, stage by stage',
    columns: ['stage', 'median', 'the floor does it too'],
    rows: [
      ...names.map((n, i) => [n, ms(med[i]!), i < FLOOR_STAGES ? 'yes' : '']),
      ['**sum of the floor’s stages**', ms(floor), ''],
      [
        '**sum of the stages that are ours**',
        ms(ours),
        `${ratio((floor + ours) / floor)} of the floor’s`,
      ],
    ],
    notes: [
      'The handler’s start-up (bench/cold-start/stages-entry.ts), stage by stage in its order, bundled like the handler: the floor’s modules imported statically, ours through dynamic imports that esbuild inlines and evaluates where they are reached. A module shared by two stages counts in the first.',
      `The staged bundle is ${kb(staged.bytes)} against the handler’s ${kb(api.bytes)}: a dynamically imported module keeps more of the SDK’s schemas, so our stages are, if anything, overstated.`,
    ],
  };
}

interface Pair {
  readonly api: ColdRun[];
  readonly floor: ColdRun[];
}

function timeRows(event: string, p: Pair): string[][] {
  const m = (runs: ColdRun[], k: Exclude<keyof ColdRun, 'stages'>) => median(runs.map((r) => r[k]));
  const loadRatio = m(p.api, 'loadMs') / m(p.floor, 'loadMs');
  const answerRatio = m(p.api, 'answeredMs') / m(p.floor, 'answeredMs');
  return [
    [
      event,
      'import of the bundle',
      ms(m(p.api, 'loadMs')),
      ms(m(p.floor, 'loadMs')),
      ratio(loadRatio),
      `≤ ${GOAL_RATIO}×: ${verdict(loadRatio <= GOAL_RATIO)}`,
    ],
    [
      '',
      'first invocation',
      ms(m(p.api, 'firstMs')),
      ms(m(p.floor, 'firstMs')),
      ratio(m(p.api, 'firstMs') / m(p.floor, 'firstMs')),
      '',
    ],
    [
      '',
      'process start → answer',
      ms(m(p.api, 'answeredMs')),
      ms(m(p.floor, 'answeredMs')),
      ratio(answerRatio),
      `≤ ${GOAL_RATIO}×: ${verdict(answerRatio <= GOAL_RATIO)}`,
    ],
  ];
}

export async function coldStartBench(): Promise<Section[]> {
  const dir = await mkdtemp(join(tmpdir(), 'apel-bench-cold-'));
  // The SDK-external bundle resolves the SDK from here, as the runtime's copy would be found.
  await symlink(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  const dynamo = await seededDynamo();
  try {
    const entries = [...handlerEntries(), { name: 'floor', entry: FLOOR_ENTRY }];
    const all: Bundle[] = [];
    for (const { name, entry } of entries) {
      for (const variant of ['sdk-bundled', 'sdk-external', 'main-first'] as const) {
        all.push(await bundle(name, entry, variant, dir));
      }
    }
    const api = all.find((b) => b.name === 'api' && b.variant === 'sdk-bundled')!;
    const floor = all.find((b) => b.name === 'floor' && b.variant === 'sdk-bundled')!;
    const apiExternal = all.find((b) => b.name === 'api' && b.variant === 'sdk-external')!;
    const staged = await bundle('api-stages', STAGES_ENTRY, 'sdk-bundled', dir);

    const issuer = await localIssuer(dir);
    const env = {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_REGION: 'ap-southeast-3',
      TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      JWT_ISSUER: LOCAL_ISSUER,
      JWT_AUDIENCE: LOCAL_AUDIENCE,
      JWT_JWKS: JSON.stringify(issuer.jwks),
      JWT_ALGORITHMS: 'ES256',
    };
    const healthFile = join(dir, 'health.json');
    await writeFile(healthFile, JSON.stringify(httpApiEvent('GET', '/v1/health')));

    const health: Pair = { api: [], floor: [] };
    const checkin: Pair = { api: [], floor: [] };
    const external: ColdRun[] = [];
    const stages: ColdRun[] = [];
    const expect = (r: ColdRun, status: number, what: string) => {
      if (r.status !== status) throw new Error(`${what}: status ${r.status}, expected ${status}`);
      return r;
    };
    for (let round = 0; round < ROUNDS; round++) {
      // A new employee each round, so that every API check-in is a first one.
      const employeeId = demoEmployeeId(round + 1);
      const token = await issuer.sign({ employeeId });
      const checkinFile = join(dir, `checkin-${round}.json`);
      const body = {
        lat: DEMO_POINT.lat,
        lon: DEMO_POINT.lon,
        accuracy: 8,
        capturedAt: new Date().toISOString(),
      };
      await writeFile(
        checkinFile,
        JSON.stringify(httpApiEvent('POST', '/v1/checkins', { body, token })),
      );
      health.api.push(expect(await coldRun(api.file, healthFile, env), 200, 'api health'));
      health.floor.push(expect(await coldRun(floor.file, healthFile, env), 200, 'floor health'));
      checkin.api.push(expect(await coldRun(api.file, checkinFile, env), 201, 'api check-in'));
      checkin.floor.push(
        expect(await coldRun(floor.file, checkinFile, env), 201, 'floor check-in'),
      );
      external.push(
        expect(await coldRun(apiExternal.file, healthFile, env), 200, 'api, SDK external'),
      );
      stages.push(expect(await coldRun(staged.file, healthFile, env), 200, 'api by stages'));
    }
    const boot = median([...health.api, ...health.floor].map((r) => r.bootMs));
    return [
      sizeSection(all),
      bytesSection(api, floor),
      stagesSection(stages, staged, api),
      {
        title: 'Cold start: a fresh `node` process loads the bundle and answers one event',
        columns: ['event', 'phase', 'API bundle', 'floor bundle', 'API ÷ floor', 'goal'],
        rows: [
          ...timeRows('GET /v1/health', health),
          ...timeRows('POST /v1/checkins (first of the day)', checkin),
          [
            'GET /v1/health, SDK left external (loaded from node_modules)',
            'import of the bundle',
            ms(median(external.map((r) => r.loadMs))),
            ms(median(health.floor.map((r) => r.loadMs))),
            ratio(
              median(external.map((r) => r.loadMs)) / median(health.floor.map((r) => r.loadMs)),
            ),
            '',
          ],
        ],
        notes: [
          `Median of ${ROUNDS} rounds; each round starts every process once, interleaved. node's own start-up before the driver runs (~${ms(boot)}) is included in "process start → answer".`,
          'Events are API Gateway HTTP API v2 events (test/support/lambda.ts). The check-in runs against dynalite on loopback with a real ES256 token; the floor makes the same DynamoDB calls (BatchGet ×2, PutItem ×2) without our code.',
          'On Lambda the runtime adds its own start-up and the network to DynamoDB; the ratio, not the milliseconds, carries over.',
        ],
      },
    ];
  } finally {
    await dynamo.close();
    await rm(dir, { recursive: true, force: true });
  }
}
