import { int, type Section } from '../output';
import type { ChildRun, SizeRuns } from './index';

const MB = 1024 * 1024;
const API_MB = 512;
const API_S = 29;
const RESPONSE_MB = 6;

const mb = (b: number) => `${(b / MB).toFixed(b < 10 * MB ? 1 : 0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const n = (x: number) => x.toLocaleString('en-US');
const reads = (r: ChildRun) =>
  `${int(r.consumedRead)} / ${int(r.minimumRead)} (${(r.consumedRead / r.minimumRead).toFixed(2)}×)`;
const reqs = (r: ChildRun) =>
  Object.entries(r.requests)
    .sort()
    .map(([op, k]) => `${op} ${k}`)
    .join(', ');
const median = (xs: number[]) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length % 2 ? a[a.length >> 1]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2;
};

/** The three tables: the daily report, the recap, and the ratios between sizes. */
export function sections(runs: SizeRuns[]): Section[] {
  const base = runs[0];
  const daily: string[][] = runs.map((r) => {
    const d = r.day1.days[0]!;
    const others = r.rest?.days ?? [];
    return [
      n(r.size),
      `${n(r.seed.items)} items (${n(r.seed.levelEntries)} LevelDB entries), ${r.seed.reused ? 'reused' : `seeded in ${s(r.seed.ms)}`}`,
      s(d.ms),
      others.length ? `${s(median(others.map((x) => x.ms)))} (median of ${others.length})` : '—',
      `${mb(r.day1.peakRss)} (heap ${mb(r.day1.peakHeap)})`,
      reads(r.day1),
      reqs(r.day1),
      `JSON ${mb(d.bytes['report.json']!)}, CSV ${mb(d.bytes['report.csv']!)}, wall ${mb(d.bytes['wall.html']!)}`,
    ];
  });
  const recap: string[][] = [];
  for (const r of runs) {
    const p = r.pending2;
    if (p)
      recap.push([
        n(r.size),
        `${p.pending.length} days pending (built live), 0 published`,
        'json',
        s(p.wallMs),
        `${mb(p.peakRss)} (heap ${mb(p.peakHeap)})`,
        reads(p),
        reqs(p),
        mb(p.body),
        fits(p),
      ]);
    for (const [name, x] of Object.entries(r.recaps)) {
      recap.push([
        n(r.size),
        `${x.published.length} published, ${x.pending.length} pending`,
        name,
        `${s(x.wallMs)} (body ${s(x.bodyMs)})`,
        `${mb(x.peakRss)} (heap ${mb(x.peakHeap)})`,
        reads(x),
        reqs(x),
        `${mb(x.body)}${x.recapRows ? ` (${n(x.recapRows)} rows)` : ''}`,
        fits(x),
      ]);
    }
  }
  const ratios: string[][] =
    base && runs.length > 1
      ? runs.slice(1).map((r) => {
          const j = r.recaps.json!;
          const bj = base.recaps.json!;
          return [
            `${n(r.size)} ÷ ${n(base.size)} (${(r.size / base.size).toFixed(0)}× the roster)`,
            `${(r.day1.days[0]!.ms / base.day1.days[0]!.ms).toFixed(1)}×`,
            `${(r.day1.peakRss / base.day1.peakRss).toFixed(1)}×`,
            `${(r.day1.consumedRead / base.day1.consumedRead).toFixed(1)}×`,
            `${(j.wallMs / bj.wallMs).toFixed(1)}× (${j.published.length} days against ${bj.published.length})`,
            `${(j.peakRss / bj.peakRss).toFixed(1)}×`,
            `${(j.body / bj.body).toFixed(1)}×`,
          ];
        })
      : [];
  return [
    {
      title: 'Month at scale: the daily report on the store on disk',
      columns: [
        'roster',
        'store (on disk)',
        'publish the first day',
        'each other day',
        'peak RSS',
        'read units consumed / implied by item sizes',
        'DynamoDB requests (first day)',
        'files of the version',
      ],
      rows: daily,
      notes: [
        'publishReport as the report function\'s manual run makes it ({ date }), in a process of its own, against a dynalite server on the seeded LevelDB folder (as `npm start` keeps its store) and the local FilePublisher; "each other day" is the median of the month\'s other days published one after another in one more process.',
        "Peak RSS is the kernel's high-water mark for the process (process.resourceUsage().maxRSS), including Node and the modules (about 100 MB at rest).",
      ],
    },
    {
      title: 'Month at scale: the monthly recap (GET /v1/recaps/{month}) on the store on disk',
      columns: [
        'roster',
        'days',
        'format',
        'wall time',
        'peak RSS',
        'read units consumed / implied',
        'DynamoDB requests',
        'answer body',
        `API function (${API_S} s, ${RESPONSE_MB} MB answer, ${API_MB} MB)`,
      ],
      rows: recap,
      notes: [
        'monthRecap (core/recap-days.ts) and the body the route makes of it (c.json → JSON.stringify, renderRecapCsv, renderRecapXlsx), in a process of its own per row. Published days are read from their report.json files (the local FilePublisher; S3 on AWS), pending ones are built from DynamoDB.',
      ],
    },
    ...(ratios.length
      ? [
          {
            title: 'Month at scale: ratios to the smallest roster, measured in the same run',
            columns: [
              'rosters',
              'daily report time',
              'daily report peak RSS',
              'daily report read units',
              'recap (JSON) time',
              'recap peak RSS',
              'recap body',
            ],
            rows: ratios,
          },
        ]
      : []),
  ];
}

function fits(r: ChildRun): string {
  const over: string[] = [];
  if (r.wallMs > API_S * 1000) over.push('time');
  if (r.body > RESPONSE_MB * MB) over.push('answer');
  if (r.peakRss > API_MB * MB) over.push('memory');
  return over.length ? `**does not fit** (${over.join(', ')})` : 'fits';
}
