import * as v from 'valibot';
import { EmployeeId, IsoDate, SiteId, Text } from '../core/fields';
import { EXCUSE_KINDS } from '../core/model';
import {
  EmployeePatch,
  EmployeeRecord,
  ExcuseRecord,
  HolidayRecord,
  SiteProperties,
} from '../core/records';
import { RollCallId } from '../core/rollcalls';
import { MIN_TERM, searchTerms } from '../core/roster-search';
import { MarkedPersonSchema } from './mark-schemas';

export const SiteIdParam = v.object({ siteId: SiteId });

export const EmployeeIdParam = v.object({ employeeId: EmployeeId });

const text = Text;

/** A ground as a GeoJSON Feature; the geometry is checked in depth by validateGround. */
export const SiteFeature = v.object({
  type: v.literal('Feature'),
  geometry: v.pipe(
    v.looseObject({
      type: v.picklist(['Polygon', 'MultiPolygon']),
      coordinates: v.array(v.unknown()),
    }),
    v.description('GeoJSON Polygon or MultiPolygon, positions as [longitude, latitude]'),
  ),
  properties: SiteProperties,
});

/** The employee record (core/records.ts), the same the CSV import checks each line with. */
export const EmployeeBody = EmployeeRecord;
export { EmployeePatch };

export const EmployeeListQuery = v.object({
  unit: v.optional(
    v.pipe(text(200), v.description('a unit (OPD), matched without regard to case; by name')),
  ),
  q: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(200),
      v.check(
        (q) => searchTerms(q).some((t) => t.length >= MIN_TERM),
        `at least ${MIN_TERM} letters or digits`,
      ),
      v.description(
        'search: words that start a word of the name, or the id (NIP), any case and accents; at most 100 a page',
      ),
    ),
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2_000))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1), v.maxValue(1_000)),
  ),
});

export const ExcuseBody = ExcuseRecord;

export const ExcuseIdParam = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-f0-9]{20}$/, 'an excuse id')),
});

/** GET /v1/excuses: the date; with `limit` or `cursor`, a page at a time (else the whole day). */
export const ExcuseListQuery = v.object({
  date: IsoDate,
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2_000))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1), v.maxValue(500)),
  ),
});
export const DateParam = v.object({ date: IsoDate });

export const HolidayBody = HolidayRecord;

export const YearQuery = v.object({
  year: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{4}$/),
      v.transform(Number),
      v.minValue(2000),
      v.maxValue(2100),
      v.description("default: this year in the deployment's time zone"),
    ),
  ),
});

const rollCallQuery = v.optional(
  v.pipe(RollCallId, v.description('the roll call (default `pagi`)')),
  'pagi',
);

export const RollCallQuery = v.object({ rollCall: rollCallQuery });

export const WallQuery = v.object({
  lang: v.optional(v.picklist(['id', 'en'])),
  rollCall: rollCallQuery,
});

export const ReportQuery = v.object({
  rollCall: rollCallQuery,
  format: v.optional(v.picklist(['json', 'csv', 'html']), 'json'),
  lang: v.optional(v.picklist(['id', 'en'])),
  live: v.optional(v.picklist(['true', 'false'])),
});

/** The longest range GET /v1/reports lists, in dates (a year, a leap year's too). */
export const MAX_LISTING_DAYS = 366;

export const ReportListQuery = v.pipe(
  v.object({
    from: v.pipe(IsoDate, v.description('first date listed')),
    to: v.pipe(
      IsoDate,
      v.description(`last date listed; at most ${MAX_LISTING_DAYS} dates in all`),
    ),
  }),
  v.forward(
    v.check((q) => q.from <= q.to, 'from must not be after to'),
    ['to'],
  ),
  v.forward(
    v.check(
      (q) => Date.parse(q.to) - Date.parse(q.from) < MAX_LISTING_DAYS * 86_400_000,
      `a listing covers at most ${MAX_LISTING_DAYS} days`,
    ),
    ['to'],
  ),
);

export const LangQuery = v.object({ lang: v.optional(v.picklist(['id', 'en'])) });

// ---- responses (documented in the OpenAPI document) -------------------------------------

export const EmployeeSchema = v.object({
  employeeId: v.string(),
  name: v.string(),
  unit: v.string(),
  siteIds: v.array(v.string()),
  active: v.boolean(),
  since: v.optional(v.string()),
  until: v.optional(v.string()),
});

export const EmployeePage = v.object({
  items: v.array(EmployeeSchema),
  cursor: v.optional(v.string()),
});

export const ImportResultSchema = v.object({
  total: v.number(),
  created: v.number(),
  updated: v.number(),
  unchanged: v.number(),
});

export const ExcuseSchema = v.object({
  excuseId: v.string(),
  employeeId: v.string(),
  from: v.string(),
  to: v.string(),
  kind: v.picklist(EXCUSE_KINDS),
  note: v.optional(v.string()),
  createdAt: v.string(),
  createdBy: v.string(),
  revoked: v.optional(v.boolean()),
  revokedAt: v.optional(v.pipe(v.string(), v.description('when it was revoked'))),
  revokedBy: v.optional(v.pipe(v.string(), v.description('who revoked it'))),
});

export const HolidaySchema = v.object({ date: v.string(), name: v.string() });

const totals = v.object({
  expected: v.number(),
  present: v.number(),
  late: v.number(),
  excused: v.number(),
  absent: v.number(),
});
const person = { employeeId: v.string(), name: v.string(), unit: v.string() };
/** Counted by an attendance mark (`manual`, or `appeal` when an appeal was accepted). */
const markMethod = v.picklist(['manual', 'appeal']);

export const ReportSchema = v.object({
  date: v.string(),
  timezone: v.string(),
  workday: v.boolean(),
  holiday: v.optional(v.string()),
  generatedAt: v.string(),
  version: v.pipe(v.number(), v.description('0 for a live report not yet published')),
  rollCall: v.optional(
    v.pipe(
      v.object({
        id: v.string(),
        name: v.string(),
        opensAt: v.string(),
        startsAt: v.string(),
        closesAt: v.string(),
      }),
      v.description('the roll call, as its rules stood on that date (absent on old reports)'),
    ),
  ),
  totals,
  units: v.array(v.object({ unit: v.string(), ...totals.entries })),
  absent: v.array(v.object(person)),
  late: v.array(v.object({ ...person, at: v.string(), method: v.optional(markMethod) })),
  excused: v.array(
    v.object({ ...person, kind: v.picklist(EXCUSE_KINDS), method: v.optional(markMethod) }),
  ),
  flagged: v.array(
    v.object({ ...person, status: v.picklist(['on_time', 'late']), flags: v.array(v.string()) }),
  ),
  marked: v.optional(
    v.pipe(
      v.array(MarkedPersonSchema),
      v.description('the day’s attendance marks (absent on reports published before marks)'),
    ),
  ),
});

export const ReportListSchema = v.object({
  items: v.array(
    v.object({
      date: v.string(),
      rollCallId: v.string(),
      version: v.pipe(v.number(), v.description('the newest published version')),
      publishedAt: v.pipe(v.string(), v.description('when that version was published')),
      totals,
      units: v.array(v.object({ unit: v.string(), ...totals.entries })),
    }),
  ),
});

export const PublishResultSchema = v.object({
  date: v.string(),
  rollCallId: v.string(),
  version: v.number(),
  changed: v.boolean(),
  generatedAt: v.string(),
  totals,
  keys: v.array(v.string()),
});
