import * as v from 'valibot';
import { EmployeeSchema } from './admin-schemas';

/** The most planned changes and bad lines a preview lists; the counts are always whole. */
export const MAX_PREVIEW_ITEMS = 1_000;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ImportQuery = v.object({
  dryRun: v.optional(
    v.pipe(
      v.picklist(['true', 'false']),
      v.description(
        'true: read the file and answer what importing it would change, and every bad line, writing nothing',
      ),
    ),
  ),
});

const LineErrors = v.object({
  line: v.pipe(
    v.number(),
    v.description('the line in the file (the header is line 1; in a workbook, the row)'),
  ),
  errors: v.array(v.string()),
});

export const PlannedChangeSchema = v.object({
  line: v.number(),
  kind: v.picklist(['new', 'changed', 'deactivated']),
  employeeId: v.string(),
  before: v.nullable(EmployeeSchema),
  after: EmployeeSchema,
  fields: v.pipe(v.array(v.string()), v.description('the fields that differ')),
});

export const ImportPreviewSchema = v.pipe(
  v.object({
    dryRun: v.literal(true),
    total: v.pipe(v.number(), v.description('employees the file holds, bad lines not counted')),
    created: v.number(),
    updated: v.pipe(v.number(), v.description('changed, deactivations not counted')),
    deactivated: v.pipe(v.number(), v.description('active employees the file marks inactive')),
    unchanged: v.number(),
    changes: v.pipe(
      v.array(PlannedChangeSchema),
      v.description(`the planned changes in file order, the first ${MAX_PREVIEW_ITEMS}`),
    ),
    errors: v.pipe(
      v.array(LineErrors),
      v.description(`the bad lines, the first ${MAX_PREVIEW_ITEMS}; any one refuses the file`),
    ),
    badLines: v.pipe(v.number(), v.description('how many lines are bad')),
  }),
  v.description('a dry run: what the import would do; nothing was written'),
);
