import { marshall } from '@aws-sdk/util-dynamodb';
import { checkinItem } from '../e2e/items';
import { measured } from '../measured';
import type { Section } from '../output';
import { itemSize } from '../report-scale/capacity';
import { PRICE_REGION, PRICE_ROWS, PRICES, PRICES_AS_OF } from './prices';

const SIZES = [700, 25_000, 250_000];

/** Assumptions the measurements cannot give; each is stated in the table's notes. */
const A = {
  workdaysPerMonth: 21,
  /** Submissions per employee and workday: a tenth are retries or refusals, each costing alike. */
  attemptsPerDay: 1.1,
  /** Other API calls (my day, admin pages), as a share of check-ins. */
  otherApiShare: 0.1,
  apiMemoryGb: 0.5,
  reportMemoryGb: 1,
  /** One DynamoDB round trip from Lambda in the same region (the count is measured, part 4). */
  dynamoPhaseMs: 10,
  /** A 512 MB function has about 0.29 of a vCPU: the app's CPU time, measured here, stretches. */
  apiCpuStretch: 3.5,
  /** The report function (1,024 MB, ~0.58 vCPU) against this machine's one core. */
  reportCpuStretch: 1.7,
  /** Lambda's START/END/REPORT lines and the HTTP API's access log line, bytes per request. */
  platformLogBytes: 350,
  accessLogBytes: 450,
  /** The check-in's day-index entry: a GSI write dynalite does not count. */
  gsiWritesPerCheckin: 1,
  emailSubscribers: 5,
  months: 12,
};

const usd = (x: number) =>
  x >= 100 ? `$${Math.round(x).toLocaleString('en-US')}` : `$${x.toFixed(2)}`;

export async function costBench(): Promise<Section[]> {
  const c = measured.checkin;
  const reports = measured.reports ?? [];
  const largest = reports[reports.length - 1];
  if (!c || !largest || measured.logBytesPerCheckin === undefined || !measured.appNsPerCheckin) {
    throw new Error('the cost model needs the request, e2e and report-scale benchmarks first');
  }
  const perEmployee = {
    reportMs: (largest.wallMs * A.reportCpuStretch) / largest.employees,
    reportReadUnits: largest.readUnits / largest.employees,
    reportFileBytes: largest.fileBytes / largest.employees,
  };
  const checkinBytes = itemSize(marshall(checkinItem('nip-0000001', '2026-11-27')));
  const lambdaMs =
    c.roundTrips * A.dynamoPhaseMs + (measured.appNsPerCheckin / 1e6) * A.apiCpuStretch;
  const lines: [string, (n: number) => number][] = [];
  const add = (name: string, f: (n: number) => number) => lines.push([name, f]);
  const attempts = (n: number) => n * A.attemptsPerDay * A.workdaysPerMonth;
  const apiRequests = (n: number) => attempts(n) * (1 + A.otherApiShare);
  add('API Gateway HTTP API', (n) => apiRequests(n) * PRICES.httpApiRequest);
  add(
    'Lambda: API (requests + GB-s)',
    (n) =>
      apiRequests(n) *
      (PRICES.lambdaRequest + (lambdaMs / 1000) * A.apiMemoryGb * PRICES.lambdaArmGbSecond),
  );
  add(
    'Lambda: daily report',
    (n) =>
      A.workdaysPerMonth *
      (PRICES.lambdaRequest +
        ((perEmployee.reportMs * n) / 1000) * A.reportMemoryGb * PRICES.lambdaArmGbSecond),
  );
  add(
    'DynamoDB: check-in reads and writes',
    (n) =>
      attempts(n) *
      (c.readUnits * PRICES.dynamoReadUnit +
        (c.writeUnits + A.gsiWritesPerCheckin) * PRICES.dynamoWriteUnit),
  );
  add(
    'DynamoDB: report reads',
    (n) => A.workdaysPerMonth * perEmployee.reportReadUnits * n * PRICES.dynamoReadUnit,
  );
  add(
    `DynamoDB: storage in month ${A.months} (check-ins and their index entries)`,
    (n) =>
      ((n * A.workdaysPerMonth * A.months * (2 * checkinBytes + 100)) / 2 ** 30) *
      PRICES.dynamoGbMonth,
  );
  add(
    `S3: report files (PUTs, and storage in month ${A.months})`,
    (n) =>
      A.workdaysPerMonth * largest.files * PRICES.s3Put +
      ((perEmployee.reportFileBytes * n * A.workdaysPerMonth * A.months) / 2 ** 30) *
        PRICES.s3GbMonth,
  );
  add('EventBridge Scheduler', () => A.workdaysPerMonth * PRICES.schedulerInvocation);
  add(
    'SNS: the notice',
    () => A.workdaysPerMonth * (PRICES.snsPublish + A.emailSubscribers * PRICES.snsEmail),
  );
  add(
    'CloudWatch Logs: ingestion (function, platform and access logs)',
    (n) =>
      ((apiRequests(n) * (measured.logBytesPerCheckin! + A.platformLogBytes + A.accessLogBytes)) /
        2 ** 30) *
      PRICES.logsIngestGb,
  );
  const brief = lines.slice(0, 9);
  const rows = lines.map(([name, f]) => [name, ...SIZES.map((n) => usd(f(n)))]);
  const total = (ls: typeof lines) => SIZES.map((n) => ls.reduce((a, [, f]) => a + f(n), 0));
  const cognito = (n: number) =>
    Math.max(0, n - PRICES.cognitoFreeMau) * PRICES.cognitoEssentialsMau;
  const t = total(lines);
  return [
    {
      title: `Monthly AWS cost model (${PRICE_REGION} list prices)`,
      columns: ['item', ...SIZES.map((n) => `${n.toLocaleString('en-US')} employees`)],
      rows: [
        ...rows,
        ['**total, the stack’s services**', ...t.map((x) => `**${usd(x)}**`)],
        ['per employee and month', ...t.map((x, i) => `$${(x / SIZES[i]!).toFixed(4)}`)],
        [
          'Cognito user pool, Essentials (every employee signs in monthly)',
          ...SIZES.map((n) => usd(cognito(n))),
        ],
        ['**total with Cognito**', ...SIZES.map((n, i) => `**${usd(t[i]! + cognito(n))}**`)],
      ],
      notes: [
        `Measured in this run: DynamoDB per check-in ${Object.entries(c.requests)
          .map(([op, k]) => `${op} ${k.toFixed(2)}`)
          .join(
            ', ',
          )} requests, ${c.readUnits.toFixed(2)} read and ${c.writeUnits.toFixed(2)} write units (+${A.gsiWritesPerCheckin} for the day-index entry, which dynalite leaves out); the app's CPU per check-in ${(measured.appNsPerCheckin / 1000).toFixed(0)} µs; ${measured.logBytesPerCheckin} bytes of function logs per check-in; report at ${largest.employees.toLocaleString('en-US')}: ${(largest.wallMs / 1000).toFixed(1)} s, ${largest.readUnits.toFixed(0)} read units, ${largest.files} files of ${(largest.fileBytes / 1e6).toFixed(1)} MB in all (scaled per employee to each size). A check-in item is ${checkinBytes} bytes.`,
        `Assumed: ${A.workdaysPerMonth} workdays a month; every employee checks in each workday, with ${A.attemptsPerDay} submissions a day; other API calls +${A.otherApiShare * 100} %; the API function (${A.apiMemoryGb * 1024} MB) bills ${lambdaMs.toFixed(0)} ms per request: ${c.roundTrips} DynamoDB round trips of ~${A.dynamoPhaseMs} ms in a row (measured, part 4: a check-in with a device id) plus the app's CPU stretched ×${A.apiCpuStretch} for its share of a vCPU; the report function (1,024 MB) takes this machine's time ×${A.reportCpuStretch}; ${A.platformLogBytes} + ${A.accessLogBytes} bytes of platform and access logs per request; ${A.emailSubscribers} email subscribers; report file versions are kept.`,
        'Not included: free tiers (Lambda, DynamoDB storage, Scheduler, SNS and CloudWatch have monthly free allowances that cover most of the 700 case), data transfer out, CloudWatch log storage and alarms, KMS, and the wall page being read (S3 GETs, API calls).',
        `Cognito is not among the services the brief names (the first ${brief.length} lines are) but it is in the stack, and at 25,000 and 250,000 it is the largest line by far; the Lite plan ($0.0055 per MAU) or the government's own identity provider would change the total most. CloudWatch Logs is added because the JSON logs are not free.`,
      ],
    },
    {
      title: 'Price table used',
      columns: ['service', `price (${PRICE_REGION})`],
      rows: PRICE_ROWS.map(([s, p]) => [s, p]),
      notes: [
        `As of ${PRICES_AS_OF}. The region the stack would run in, ap-southeast-3 (Jakarta), has its own, mostly higher, prices: put them in bench/cost/prices.ts and run \`npm run bench\` again.`,
      ],
    },
  ];
}
