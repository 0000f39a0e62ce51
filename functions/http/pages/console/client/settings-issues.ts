import type { Settings } from '../../../../core/settings';
import type { ApiError } from './api';

/**
 * What the server refused in a PUT /v1/settings, sorted by the form's fields and said in the
 * server's words (in the console's language); the form (settings.ts) shows each list at its field.
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
    // The server words its issues in the language the console asks in (?lang=).
    list.push(i.message);
    out[field] = list;
  }
  return out;
}
