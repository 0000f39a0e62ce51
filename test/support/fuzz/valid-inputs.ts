import fc from 'fast-check';
import { EXCUSE_KINDS } from '../../../functions/core/model';
import { DEMO_POINT, DEMO_SITE, DEMO_UNITS } from '../../../functions/local/demo';
import { offset, square } from '../shapes';

/** Valid inputs to start from: the fuzz changes them a little, so that it gets past the schema. */

/** State the fuzz finds in place, so that reading and deleting one can succeed too. */
export const SEEDED = {
  holiday: { date: '2100-12-31', name: 'Tahun baru 2101' },
  /** Grounds to retire: retiring the demo ground would refuse every later roster write. */
  sites: ['lapangan-lama', 'lapangan-sementara'],
  /** Roll calls to remove (at 12:00 and 13:00, overlapping no other). */
  rollCalls: ['hapus-1', 'hapus-2'],
  /** Staff records to read and revoke. */
  staff: ['staff-fuzz-1', 'staff-fuzz-2', 'staff-fuzz-3'],
  excuse: {
    employeeId: 'demo-002',
    from: '2026-12-01',
    to: '2026-12-03',
    kind: 'leave',
  },
} as const;

export const isoDate = fc.oneof(
  fc
    .date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    '2026-11-26',
    '2026-11-27',
    '2000-01-01',
    '2100-12-31',
    '0100-01-01',
    '9999-12-31',
  ),
);

export const siteId = fc.oneof(
  fc.constant(DEMO_SITE.siteId),
  fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,63}$/),
);

export const employeeId = fc.oneof(
  fc.integer({ min: 1, max: 80 }).map((n) => `demo-${String(n).padStart(3, '0')}`),
  fc.stringMatching(/^[A-Za-z0-9._@-]{1,128}$/),
);

const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/**
 * The same instant written the ways ISO 8601 allows: Z or an offset (+07:00, +0700, +07), with or
 * without fractions, "T" or a space. A device may send any of them.
 */
export function timestampNear(now: () => Date, maxSkewS = 300): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: -maxSkewS, max: maxSkewS }), fc.nat({ max: 6 }))
    .map(([skew, form]) => {
      const t = new Date(now().getTime() + skew * 1000);
      const utc = t.toISOString();
      const wib = new Date(t.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
      return [
        utc,
        `${utc.slice(0, 19)}Z`,
        `${utc.slice(0, 23)}456789Z`,
        `${wib}+07:00`,
        `${wib}+0700`,
        `${wib}+07`,
        `${utc.slice(0, 10)} ${utc.slice(11, 19)}Z`,
      ][form] as string;
    });
}

export function checkinBody(now: () => Date) {
  return fc.record(
    {
      // ±0.002° is about ±220 m: inside the demo ground, near its edge and outside.
      lat: fc.double({ min: -0.002, max: 0.002, noNaN: true }).map((d) => DEMO_POINT.lat + d),
      lon: fc.double({ min: -0.002, max: 0.002, noNaN: true }).map((d) => DEMO_POINT.lon + d),
      accuracy: fc.double({ min: 0.5, max: 80, noNaN: true }),
      capturedAt: timestampNear(now, 150),
      mock: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, fc.constant(true)),
      deviceId: fc.stringMatching(/^[\x21-\x7e]{1,40}$/),
    },
    { requiredKeys: ['lat', 'lon', 'accuracy', 'capturedAt'] },
  );
}

/** Settings, mostly consistent (a window in order, the report after it), sometimes not. */
export const settingsBody = fc
  .record({
    timezone: fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'UTC', 'Etc/GMT-7'),
    // opensAt, startsAt, closesAt, reportAt
    times: fc.constantFrom(
      '06:30 07:30 08:00 08:30',
      '00:00 12:00 23:00 23:59',
      '05:00 05:00 05:00 05:01',
    ),
    reportAt: fc.option(hhmm, { freq: 4 }),
    workdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    maxAccuracyM: fc.integer({ min: 1, max: 1000 }),
    edgeToleranceM: fc.double({ min: 0, max: 500, noNaN: true }),
    maxClockSkewS: fc.integer({ min: 0, max: 3600 }),
    wallAccess: fc.constantFrom('authenticated', 'public'),
    language: fc.constantFrom('id', 'en'),
    attemptRetentionDays: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
  })
  .map(({ times, attemptRetentionDays, ...rest }) => {
    const [opensAt, startsAt, closesAt, reportAt] = times.split(' ');
    return {
      ...rest,
      opensAt,
      startsAt,
      closesAt,
      reportAt: rest.reportAt ?? reportAt,
      ...(attemptRetentionDays === undefined ? {} : { attemptRetentionDays }),
    };
  });

/** A square ground (with a hole, sometimes) within a few kilometres of the demo ground. */
export const siteFeature = fc
  .tuple(
    fc.double({ min: -3000, max: 3000, noNaN: true }),
    fc.double({ min: -3000, max: 3000, noNaN: true }),
    fc.double({ min: 5, max: 3000, noNaN: true }),
    fc.option(fc.double({ min: 0.1, max: 0.9, noNaN: true }), { nil: 0 }),
    fc.constantFrom('Lapangan Merdeka', 'Halaman Kantor Camat', 'Ruang Terbuka 🇮🇩'),
  )
  .map(([east, north, side, hole, name]) => {
    const [lon, lat] = offset(DEMO_POINT.lon, DEMO_POINT.lat, east, north);
    return {
      type: 'Feature',
      geometry: square(lon, lat, side, hole * side),
      properties: { name },
    };
  });

export const employeeBody = fc.record(
  {
    name: fc.constantFrom('Hendra Siregar', 'Rina Lubis', 'Ömer Ğ', '  Siti  '),
    unit: fc.constantFrom(...DEMO_UNITS),
    siteIds: fc.constantFrom([DEMO_SITE.siteId], [DEMO_SITE.siteId], [], ['lapangan-merdeka']),
    active: fc.boolean(),
    since: isoDate,
    until: isoDate,
  },
  { requiredKeys: ['name', 'unit', 'siteIds', 'active'] },
);

export const excuseBody = fc
  .tuple(
    employeeId,
    isoDate,
    fc.integer({ min: 0, max: 400 }),
    fc.constantFrom(...EXCUSE_KINDS),
    fc.option(fc.string({ maxLength: 600 }), { nil: undefined }),
  )
  .map(([id, from, days, kind, note]) => {
    const to = new Date(Date.parse(from) + days * 86_400_000);
    return {
      employeeId: id,
      from,
      to: Number.isNaN(to.getTime()) ? from : to.toISOString().slice(0, 10),
      kind,
      ...(note === undefined ? {} : { note }),
    };
  });

/** A roster cursor as the API gives them out (base64url JSON), with a made-up resume key. */
export const cursor = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc
    .record({
      s: fc.integer({ min: -2, max: 17 }),
      k: fc.oneof(
        fc.constant(undefined),
        fc.constant({
          pk: 'EMP#demo-001',
          sk: 'PROFILE',
          gsi1pk: 'ROSTER#3',
          gsi1sk: 'demo-001',
        }),
        fc.dictionary(fc.constantFrom('pk', 'sk', 'gsi1pk', 'gsi2pk', 'x'), fc.jsonValue(), {
          maxKeys: 4,
        }),
        fc.jsonValue(),
      ),
    })
    .map((c) => Buffer.from(JSON.stringify(c)).toString('base64url')),
);

/** A roll call id: mostly a few fixed ones (so PUT, GET and DELETE meet), sometimes any. */
export const rollCallId = fc.oneof(
  fc.constantFrom('pagi', 'sore', 'upacara-17-agustus', 'senin'),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,47}$/),
);

/** A roll call body that passes the schema; the rules (overlap, dates, units) may refuse it. */
export const rollCallBody = fc
  .record({
    name: fc.constantFrom('Apel sore', 'Upacara 17 Agustus', 'Upacara Senin'),
    schedule: fc.oneof(
      fc.constant({ kind: 'daily' }),
      fc.record({
        kind: fc.constant('weekly'),
        weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      }),
      fc.record({ kind: fc.constant('monthly'), day: fc.integer({ min: 1, max: 31 }) }),
      fc.record({
        kind: fc.constant('once'),
        date: fc.constantFrom('2027-08-17', '2026-11-27', '2025-01-01'),
      }),
    ),
    // opensAt, startsAt, closesAt, reportAt
    times: fc.constantFrom(
      '15:30 16:00 16:30 17:00',
      '06:30 07:30 08:00 08:30',
      '10:00 10:00 10:00 10:01',
      '00:00 12:00 23:00 23:59',
    ),
    siteIds: fc.option(fc.constant([DEMO_SITE.siteId]), { nil: undefined }),
    units: fc.option(fc.constant([DEMO_UNITS[0]]), { nil: undefined }),
    active: fc.boolean(),
  })
  .map(({ times, siteIds, units, ...rest }) => {
    const [opensAt, startsAt, closesAt, reportAt] = times.split(' ');
    return {
      ...rest,
      opensAt,
      startsAt,
      closesAt,
      reportAt,
      ...(siteIds ? { siteIds } : {}),
      ...(units ? { units } : {}),
    };
  });
