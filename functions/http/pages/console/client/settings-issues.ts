import type { Settings } from '../../../../core/settings';
import type { ApiError } from './api';
import { lang, t } from './state';
import type { StringKey } from './strings';

/**
 * What the server refused in a PUT /v1/settings, sorted by the form's fields and said in the
 * console's words; the form (settings.ts) shows each list at its field.
 */

export type Field = keyof Settings;
export type Issues = Partial<Record<Field | '', string[]>>;

export const FIELDS: readonly Field[] = [
  'timezone',
  'opensAt',
  'startsAt',
  'closesAt',
  'reportAt',
  'workdays',
  'maxAccuracyM',
  'edgeToleranceM',
  'maxClockSkewS',
  'wallAccess',
  'language',
  'attemptRetentionDays',
];
/**
 * The server's issues by field. A rule across fields ("reportAt must be after closesAt") comes
 * with an empty path: it goes to the field its message begins with, else above the form.
 */
export function issuesByField(e: ApiError): Issues {
  const out: Issues = {};
  for (const i of e.details?.issues ?? []) {
    const head = i.path.split('.')[0] ?? '';
    const named = FIELDS.find((f) => i.message.startsWith(`${f} `));
    const field: Field | '' = (FIELDS as readonly string[]).includes(head)
      ? (head as Field)
      : (named ?? '');
    const list = out[field] ?? [];
    list.push(say(i.message));
    out[field] = list;
  }
  return out;
}

/** The server's usual wordings, said in Indonesian; anything else as the server put it. */
const SAID: readonly [RegExp, StringKey][] = [
  [/Expected <=(\d+)/, 'atMost'],
  [/Expected >=(\d+)/, 'atLeast'],
  [/24-hour time/, 'badTime'],
  [/IANA time zone/, 'badZone'],
  [/^reportAt must be after closesAt/, 'reportAfterClose'],
  [/^opensAt must not be after startsAt/, 'opensBeforeStarts'],
  [/^startsAt must not be after closesAt/, 'startsBeforeCloses'],
  [/at least one workday/, 'oneWorkday'],
  [/Expected number/, 'badNumber'],
];

function say(message: string): string {
  if (lang.value !== 'id') return message;
  for (const [re, key] of SAID) {
    const m = re.exec(message);
    if (m) return t(key, { n: m[1] ?? '' });
  }
  return message;
}
