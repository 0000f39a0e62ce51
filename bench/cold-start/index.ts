import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_POINT, DEMO_SITE, demoEmployeeId, demoRoster } from '../../functions/local/demo';
import { startDynalite } from '../../functions/local/dynalite';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, localIssuer } from '../../functions/local/issuer';
import { httpApiEvent, settingsOpenNow } from '../../test/support/lambda';
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
import { LAMBDA_NODE_OPTIONS } from './esbuild-options';
import { type ColdRun, coldRun } from './processes';

const ROUNDS = SMOKE ? 1 : 9;
/** node's options for a cold run: those the functions run with. */
const NODE = [LAMBDA_NODE_OPTIONS];
const GOAL_BYTES = 400_000;
const GOAL_RATIO = 1.2;
const TABLE = 'apel-cold';

/** A table with the demo deployment, its window open now, on a dynalite in this process. */
async function seededDynamo() {
  const dynamo = await startDynalite();
  const { client, stores } = await localTable(dynamo.endpoint, TABLE);
  await stores.settings.putSettings(settingsOpenNow());
  await stores.sites.put(DEMO_SITE);
  await stores.roster.putMany(demoRoster(ROUNDS + 1));
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
    title: 'Cold start: Lambda bundle sizes (esbuild, minified)',
    columns: ['bundle', 'as deployed', 'gzip', 'with the SDK bundled in', 'goal'],
    rows: names.map((name) => {
      const deployed = by(name, 'deployed');
      return [
        name === 'floor'
          ? 'floor: Hono + DynamoDB document client'
          : `functions/handlers/${name}.ts`,
        kb(deployed.bytes),
        kb(deployed.gzipBytes),
        kb(by(name, 'sdk-bundled').bytes),
        name === 'api' ? `≤ 400 KB: ${verdict(deployed.bytes <= GOAL_BYTES)}` : '',
      ];
    }),
    notes: [
      "As deployed: the options infra/constructs/apel-function.ts gives NodejsFunction — format cjs, platform node, target node24, minify, ES module builds first (`mainFields: ['module', 'main']`), source map in its own file (not counted), and `@aws-sdk/*` left to the Node 24 runtime, which ships SDK v3 (bench/cold-start/esbuild-options.ts).",
      '"With the SDK bundled in": the same with nothing external, the SDK at the version the tests ran against.',
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
  const FLOOR_STAGES = 1; // the SDK and Hono modules: what the floor loads too
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
      for (const variant of ['deployed', 'sdk-bundled'] as const) {
        all.push(await bundle(name, entry, variant, dir));
      }
    }
    const pick = (name: string, variant: Bundle['variant']) =>
      all.find((b) => b.name === name && b.variant === variant)!;
    const api = pick('api', 'deployed');
    const floor = pick('floor', 'deployed');
    const staged = await bundle('api-stages', STAGES_ENTRY, 'deployed', dir);

    const issuer = await localIssuer(dir);
    const env = {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_REGION: 'ap-southeast-3',
      TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      JWT_ISSUER: LOCAL_ISSUER,
      JWT_AUDIENCE: LOCAL_AUDIENCE,
      JWT_JWKS: JSON.stringify(issuer.jwks),
      JWT_ALGORITHMS: 'RS256',
      REPORTS_BUCKET: 'apel-reports',
      REPORTS_TOPIC_ARN: 'arn:aws:sns:ap-southeast-3:123456789012:apel-reports',
    };
    const healthFile = join(dir, 'health.json');
    await writeFile(healthFile, JSON.stringify(httpApiEvent('GET', '/v1/health')));

    const runs = new Map<string, ColdRun[]>();
    const run = async (key: string, b: Bundle, event: string, status: number, opts = NODE) => {
      const r = await coldRun(b.file, event, env, opts);
      if (r.status !== status) throw new Error(`${key}: status ${r.status}, expected ${status}`);
      runs.set(key, [...(runs.get(key) ?? []), r]);
    };
    for (let round = 0; round < ROUNDS; round++) {
      // A new employee each round, so that every API check-in is a first one.
      const token = await issuer.sign({ employeeId: demoEmployeeId(round + 1) });
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
      await run('api health', api, healthFile, 200);
      await run('floor health', floor, healthFile, 200);
      await run('api check-in', api, checkinFile, 201);
      await run('floor check-in', floor, checkinFile, 201);
      await run('api health, SDK bundled', pick('api', 'sdk-bundled'), healthFile, 200);
      await run('floor health, SDK bundled', pick('floor', 'sdk-bundled'), healthFile, 200);
      await run('api health, no source maps', api, healthFile, 200, []);
      await run('stages', staged, healthFile, 200);
    }
    const get = (key: string) => runs.get(key)!;
    const boot = median(get('api health').map((r) => r.bootMs));
    const apiCalls = median(get('api check-in').map((r) => r.dynamoRequests));
    const floorCalls = median(get('floor check-in').map((r) => r.dynamoRequests));
    const importOnly = (label: string, key: string, floorKey: string) => {
      const a = median(get(key).map((r) => r.loadMs));
      const f = median(get(floorKey).map((r) => r.loadMs));
      const answer = median(get(key).map((r) => r.answeredMs));
      const fAnswer = median(get(floorKey).map((r) => r.answeredMs));
      return [
        [label, 'import of the bundle', ms(a), ms(f), ratio(a / f), ''],
        ['', 'process start → answer', ms(answer), ms(fAnswer), ratio(answer / fAnswer), ''],
      ];
    };
    return [
      sizeSection(all),
      bytesSection(api, floor),
      stagesSection(get('stages'), staged, api),
      {
        title: 'Cold start: a fresh `node` process loads the bundle and answers one event',
        columns: ['event', 'phase', 'API bundle', 'floor bundle', 'API ÷ floor', 'goal'],
        rows: [
          ...timeRows('GET /v1/health, as deployed', {
            api: get('api health'),
            floor: get('floor health'),
          }),
          ...timeRows('POST /v1/checkins (first of the day), as deployed', {
            api: get('api check-in'),
            floor: get('floor check-in'),
          }),
          ...importOnly(
            'GET /v1/health, with the SDK bundled in (both bundles)',
            'api health, SDK bundled',
            'floor health, SDK bundled',
          ),
          ...importOnly(
            'GET /v1/health, as deployed but without `--enable-source-maps`',
            'api health, no source maps',
            'floor health',
          ),
        ],
        notes: [
          `Median of ${ROUNDS} rounds; each round starts every process once, interleaved. Processes run with NODE_OPTIONS ${LAMBDA_NODE_OPTIONS} as the functions do, unless the row says otherwise. node's own start-up before the driver runs (~${ms(boot)}) is part of "process start → answer".`,
          `Events are API Gateway HTTP API v2 events (test/support/lambda.ts). The check-in runs against dynalite on loopback with a real RS256 token and made ${apiCalls} DynamoDB requests; the floor's check-in makes ${floorCalls} (BatchGetItem ×2, PutItem ×2) without our code.`,
          'On Lambda the runtime adds its own start-up and the network to DynamoDB; the ratio, not the milliseconds, carries over.',
        ],
      },
    ];
  } finally {
    await dynamo.close();
    await rm(dir, { recursive: true, force: true });
  }
}
