import { type Access, mayOperateUnit } from '../core/access';
import { Forbidden, ValidationFailed } from '../core/errors';
import type { Employee } from '../core/model';
import type { Page, RosterRepository } from '../core/ports';

/**
 * GET /v1/employees for an operator: their units only. A unit named must be one of theirs (else
 * 403); a search keeps their units' people; no unit walks their units one after the other, the
 * cursor holding which unit and where in it (the roster's own cursor inside).
 */

interface OperatorCursor {
  /** Index into the operator's units. */
  readonly u: number;
  /** The roster's cursor within that unit. */
  readonly c?: string;
}

function badCursor(): ValidationFailed {
  return new ValidationFailed('the cursor is not one this API gave out', [
    { path: 'cursor', message: { id: 'kursor tidak dikenal', en: 'unknown cursor' } },
  ]);
}

function decode(cursor: string | undefined, units: number): OperatorCursor {
  if (cursor === undefined) return { u: 0 };
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as OperatorCursor;
    if (!Number.isInteger(c.u) || c.u < 0 || c.u >= units) throw badCursor();
    if (c.c !== undefined && typeof c.c !== 'string') throw badCursor();
    return c;
  } catch {
    throw badCursor();
  }
}

const encode = (c: OperatorCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

export interface RosterQuery {
  readonly unit?: string;
  readonly cursor?: string;
  readonly limit: number;
}

/** A page of the operator's units, `limit` at most, unit after unit. */
export async function operatorRosterPage(
  roster: RosterRepository,
  a: Access,
  q: RosterQuery,
): Promise<Page<Employee>> {
  if (q.unit !== undefined) {
    if (!mayOperateUnit(a, q.unit)) throw new Forbidden('operator of that unit');
    return roster.list(q);
  }
  if (a.units.length === 0) throw new Forbidden('operator');
  let at = decode(q.cursor, a.units.length);
  const items: Employee[] = [];
  while (items.length < q.limit) {
    const page = await roster.list({
      unit: a.units[at.u] as string,
      ...(at.c === undefined ? {} : { cursor: at.c }),
      limit: q.limit - items.length,
    });
    items.push(...page.items);
    if (page.cursor) at = { u: at.u, c: page.cursor };
    else if (at.u + 1 < a.units.length) at = { u: at.u + 1 };
    else return { items };
  }
  return { items, cursor: encode(at) };
}

/** A search page narrowed to the operator's units (a page may then hold fewer). */
export function withinUnits(page: Page<Employee>, a: Access): Page<Employee> {
  return { ...page, items: page.items.filter((e) => mayOperateUnit(a, e.unit)) };
}
