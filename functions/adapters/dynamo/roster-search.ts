import { ValidationFailed } from '../../core/errors';
import type { Employee } from '../../core/model';
import type { Page } from '../../core/ports';
import { isHit, searchTokens } from '../../core/roster-search';
import { toEmployee } from './items';
import { keys } from './table';
import type { Item, TableClient } from './table-client';

/**
 * The roster search on DynamoDB, without a Scan: one small item per word of each employee's
 * name and per id (NAME#{first two letters} / {word}#{id}); a search reads the partition of its
 * longest term's first two letters with `begins_with(sk, term)`, then the matching employees.
 *
 * Cost, at the design size of 250,000 employees with names of ~3 words: ~1,000,000 word items
 * of ~60 bytes (~60 MB, ~US$0.02 a month); saving an employee writes its profile plus one item
 * per word when it is new or renamed (4–5 writes instead of 1), and reads the old profile once (to expire words a rename
 * dropped: they get a TTL and are ignored meanwhile). A search page costs one Query (1 read unit
 * per 4 KB of word items, ~65 items) and one BatchGet of the employees it found — a few read
 * units. The busiest partition is a common first two letters ("su": Sutrisno, Suharti, …,
 * perhaps 10% of the words, ~100,000 items) or the NIPs' "19": a search there reads only its own
 * prefix's range, and a full re-import of 250,000 writes at most 1,000 word items a second into
 * one partition, so the NIP words take ~4 minutes, under on-demand throttling, not errors.
 */

/** Seconds a word item a rename dropped stays before DynamoDB's TTL removes it. */
const STALE_TTL_S = 86_400;
/** Word items read per Query round; at most 4 rounds per page. */
const ROUND = 100;

export function wordItems(e: Employee): Item[] {
  return searchTokens(e).map((w) => ({
    ...keys.nameWord(w, e.employeeId),
    type: 'nameWord',
    word: w,
    employeeId: e.employeeId,
  }));
}

/** Word items of `before` that `after` no longer has, marked to expire. */
export function staleWordItems(before: Employee, after: Employee, nowS: number): Item[] {
  const keep = new Set(searchTokens(after));
  return wordItems(before)
    .filter((i) => !keep.has(String(i.word)))
    .map((i) => ({ ...i, stale: true, expiresAt: nowS + STALE_TTL_S }));
}

interface SearchCursor {
  t: string;
  k: { pk: string; sk: string };
}

function badCursor(): ValidationFailed {
  return new ValidationFailed('the cursor is not one this API gave out', [
    { path: 'cursor', message: { id: 'kursor tidak dikenal', en: 'unknown cursor' } },
  ]);
}

function decode(cursor: string, term: string): SearchCursor['k'] {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as SearchCursor;
    const k = c?.k;
    if (
      c.t === term &&
      k &&
      Object.keys(k).length === 2 &&
      k.pk === keys.nameWordPk(term) &&
      typeof k.sk === 'string' &&
      k.sk.startsWith(term)
    ) {
      return k;
    }
  } catch {
    // fall through
  }
  throw badCursor();
}

export async function searchRoster(
  table: TableClient,
  terms: readonly string[],
  q: { cursor?: string; limit: number },
): Promise<Page<Employee>> {
  const term = terms[0] as string;
  let start: Item | undefined = q.cursor ? decode(q.cursor, term) : undefined;
  const found: Employee[] = [];
  for (let round = 0; round < 4 && found.length < q.limit; round++) {
    const page = await table.query({
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :t)',
      ExpressionAttributeValues: { ':p': keys.nameWordPk(term), ':t': term },
      Limit: Math.min(ROUND, q.limit - found.length),
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    const profiles = await table.batchGet(
      [...new Set(page.items.map((i) => String(i.employeeId)))].map(keys.employee),
    );
    const byId = new Map(profiles.map((p) => [String(p.employeeId), toEmployee(p)]));
    for (const hit of page.items) {
      const e = byId.get(String(hit.employeeId));
      if (e && isHit(e, String(hit.word), terms)) found.push(e);
    }
    start = page.lastKey;
    if (!start) break;
  }
  const k = start ? { pk: String(start.pk), sk: String(start.sk) } : undefined;
  return {
    items: found,
    ...(k ? { cursor: Buffer.from(JSON.stringify({ t: term, k })).toString('base64url') } : {}),
  };
}
