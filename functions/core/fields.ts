import * as v from 'valibot';
import { isIsoDate, isValidTimeZone } from './calendar';

/**
 * Field schemas every record shares. The routes, the CSV import, the settings and the CDK context
 * all use these, so a rule (what a time, a zone, a date or an id is) is written once.
 */

/** A 24-hour wall-clock time, "06:30". */
export const HhMm = v.pipe(
  v.string(),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a 24-hour time "HH:MM"'),
);

/** An IANA time zone this runtime knows ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"). */
export const TimeZone = v.pipe(
  v.string(),
  v.check(isValidTimeZone, 'expected an IANA time zone such as "Asia/Jakarta"'),
);

/** A calendar date that exists, "2026-11-27". */
export const IsoDate = v.pipe(
  v.string(),
  v.check(isIsoDate, 'expected a calendar date "YYYY-MM-DD"'),
);

/** The deployment's employee id (e.g. an 18-digit NIP), as the token's claim carries it. */
export const EmployeeId = v.pipe(
  v.string(),
  v.regex(
    /^[A-Za-z0-9._@-]{1,128}$/,
    'an employee id (e.g. NIP): 1–128 letters, digits or . _ @ -',
  ),
);

/** An apel ground's id. */
export const SiteId = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a ground id: lowercase letters, digits, . _ -'),
);

/** Text a person typed: trimmed, not empty, at most `max` characters. */
export const Text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, `must not be empty`),
    v.maxLength(max, `at most ${max} characters`),
  );
