import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table's key design (docs/architecture.md, "Data model", has the arithmetic).
 *
 * | item            | pk                 | sk                                  | gsi1pk / gsi1sk                 |
 * |-----------------|--------------------|-------------------------------------|---------------------------------|
 * | settings        | CONFIG             | SETTINGS                            |                                 |
 * | settings, past  | SETTINGS           | V#{effective-from ISO instant}      |                                 |
 * | employee        | EMP#{id}           | PROFILE                             | ROSTER#{shard} / {id}           |
 * | check-in        | EMP#{id}           | DAY#{date}#CHECKIN[#{rollCallId}]   | DAY#{date}[#{rollCallId}]#{shard} / {id} |
 * | attempt (TTL)   | EMP#{id}           | DAY#{date}#ATTEMPT#{receivedAt}#{n} |                                 |
 * | trace (TTL)     | EMP#{id}           | TRACE                               |                                 |
 * | rate (TTL)      | EMP#{id}           | RATE#{yyyy-mm-ddThh:mm}             |                                 |
 * | spot (TTL)      | FIX#{date}#{lat},{lon} | FIX                             |                                 |
 * | device (TTL)    | DEVICE#{deviceId}  | {employeeId}                        |                                 |
 * | ground          | SITE#{id}          | SITE                                | SITES / {id}                    |
 * | holiday         | HOLIDAYS#{yyyy}    | {date}                              |                                 |
 * | name word       | NAME#{2 letters}   | {word}#{employeeId}                 |                                 |
 * | excuse          | EXCUSE#{id}        | EXCUSE                              |                                 |
 * | excuse, per day | EXCUSES#{date}     | {employeeId}#{id}                   |                                 |
 * | publication     | REPORT#{date}[#{rollCallId}] | V#{version, 6 digits}     | PUBLISHED#{yyyy-mm} / {date}#{rollCallId}#{version} |
 * | newest report   | REPORTS            | LATEST                              |                                 |
 * | month lock      | LOCK#{yyyy-mm}     | LOCK                                |                                 |
 * | attendance mark | MARKS#{date}#{rollCallId} | {employeeId}                 |                                 |
 * | correction      | CORRECTIONS        | {date}#{rollCallId}                 |                                 |
 * | audit entry     | AUDIT#{yyyy-mm}    | {at}#{id}                           | AUDITBY#{actor} / {at}#{id}     |
 *
 * gsi2 (UNIT#{unit, lower case} / {name}#{id}) lists a unit's roster, the unit matched without
 * regard to case; an audit entry is in it under its subject (AUDITON#{subject} / {at}#{id}). A name word item per word of each employee's name and id serves the roster
 * search (roster-search.ts has its cost).
 */
export const KEY = {
  pk: 'pk',
  sk: 'sk',
  gsi1pk: 'gsi1pk',
  gsi1sk: 'gsi1sk',
  gsi2pk: 'gsi2pk',
  gsi2sk: 'gsi2sk',
} as const;

export const GSI1 = 'gsi1';
export const GSI2 = 'gsi2';
/** The TTL attribute: epoch seconds after which DynamoDB deletes the item. */
export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * Write shards of the per-day check-in index and the roster index. At a peak of 1,000
 * check-ins/s, 16 shards put ~63 writes/s on each index partition, under a sixteenth of the
 * 1,000 WCU/s a partition takes. Changing it needs a re-index, so it is fixed.
 */
export const SHARDS = 16;

/** FNV-1a, 32-bit: a stable, well-spread hash of the employee id. */
export function shardOf(employeeId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < employeeId.length; i++) {
    h ^= employeeId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SHARDS;
}

function dayShard(date: string, rollCallId: string, shard: number): string {
  return rollCallId === 'pagi' ? `DAY#${date}#${shard}` : `DAY#${date}#${rollCallId}#${shard}`;
}

function publicationPk(date: string, rollCallId: string): string {
  return rollCallId === 'pagi' ? `REPORT#${date}` : `REPORT#${date}#${rollCallId}`;
}

export const keys = {
  settings: () => ({ pk: 'CONFIG', sk: 'SETTINGS' }),
  employee: (id: string) => ({ pk: `EMP#${id}`, sk: 'PROFILE' }),
  rosterIndex: (id: string) => ({ gsi1pk: `ROSTER#${shardOf(id)}`, gsi1sk: id }),
  unitIndex: (unit: string, name: string, id: string) => ({
    gsi2pk: `UNIT#${unit.toLocaleLowerCase('id')}`,
    gsi2sk: `${name.toLocaleLowerCase('id')}#${id}`,
  }),
  /** A folded word of an employee's name (or their id), for the roster search. */
  nameWord: (word: string, id: string) => ({ pk: `NAME#${word.slice(0, 2)}`, sk: `${word}#${id}` }),
  nameWordPk: (term: string) => `NAME#${term.slice(0, 2)}`,
  /** `pagi` keeps the keys check-ins had before roll calls; another roll call adds its id. */
  checkin: (id: string, date: string, rollCallId = 'pagi') => ({
    pk: `EMP#${id}`,
    sk: rollCallId === 'pagi' ? `DAY#${date}#CHECKIN` : `DAY#${date}#CHECKIN#${rollCallId}`,
  }),
  dayIndex: (id: string, date: string, rollCallId = 'pagi') => ({
    gsi1pk: dayShard(date, rollCallId, shardOf(id)),
    gsi1sk: id,
  }),
  dayShard: (date: string, rollCallId: string, shard: number) => dayShard(date, rollCallId, shard),
  dayPrefix: (date: string) => `DAY#${date}#`,
  attempt: (id: string, date: string, receivedAt: string, nonce: string) => ({
    pk: `EMP#${id}`,
    sk: `DAY#${date}#ATTEMPT#${receivedAt}#${nonce}`,
  }),
  trace: (id: string) => ({ pk: `EMP#${id}`, sk: 'TRACE' }),
  rate: (id: string, minute: string) => ({ pk: `EMP#${id}`, sk: `RATE#${minute}` }),
  /** Exact coordinates, to the 7th decimal (about 1 cm): what a copied fix repeats. */
  spot: (date: string, lat: number, lon: number) => ({
    pk: `FIX#${date}#${lat.toFixed(7)},${lon.toFixed(7)}`,
    sk: 'FIX',
  }),
  device: (deviceId: string, employeeId: string) => ({ pk: `DEVICE#${deviceId}`, sk: employeeId }),
  site: (id: string) => ({ pk: `SITE#${id}`, sk: 'SITE' }),
  siteIndex: (id: string) => ({ gsi1pk: 'SITES', gsi1sk: id }),
  holiday: (date: string) => ({ pk: `HOLIDAYS#${date.slice(0, 4)}`, sk: date }),
  holidayYear: (year: number | string) => `HOLIDAYS#${year}`,
  excuse: (id: string) => ({ pk: `EXCUSE#${id}`, sk: 'EXCUSE' }),
  excuseDay: (date: string, employeeId: string, id: string) => ({
    pk: `EXCUSES#${date}`,
    sk: `${employeeId}#${id}`,
  }),
  excuseDayPk: (date: string) => `EXCUSES#${date}`,
  /** `pagi`'s versions keep the keys they had before roll calls; the others add their id. */
  publication: (date: string, version: number, rollCallId = 'pagi') => ({
    pk: publicationPk(date, rollCallId),
    sk: `V#${String(version).padStart(6, '0')}`,
  }),
  publicationPk: (date: string, rollCallId = 'pagi') => publicationPk(date, rollCallId),
  /** A version in the listing: its month's partition, ordered by date, roll call, version. */
  publicationIndex: (date: string, rollCallId: string, version: number) => ({
    gsi1pk: `PUBLISHED#${date.slice(0, 7)}`,
    gsi1sk: `${date}#${rollCallId}#${String(version).padStart(6, '0')}`,
  }),
  newestReport: () => ({ pk: 'REPORTS', sk: 'LATEST' }),
  monthLock: (month: string) => ({ pk: `LOCK#${month}`, sk: 'LOCK' }),
  /** One mark per (date, roll call, employee); a day's marks are one partition. */
  mark: (date: string, rollCallId: string, employeeId: string) => ({
    pk: `MARKS#${date}#${rollCallId}`,
    sk: employeeId,
  }),
  markDayPk: (date: string, rollCallId: string) => `MARKS#${date}#${rollCallId}`,
  /** A published (date, roll call) a correction touched, until republished. */
  correction: (date: string, rollCallId: string) => ({
    pk: 'CORRECTIONS',
    sk: `${date}#${rollCallId}`,
  }),
  correctionsPk: () => 'CORRECTIONS',
  /** An audit entry under the UTC month of its instant (audit-log.ts). */
  audit: (e: AuditKeyParts) => ({ pk: `AUDIT#${e.at.slice(0, 7)}`, sk: `${e.at}#${e.id}` }),
  auditMonth: (month: string) => `AUDIT#${month}`,
  auditByActor: (e: AuditKeyParts & { actor: string }) => ({
    gsi1pk: `AUDITBY#${e.actor}`,
    gsi1sk: `${e.at}#${e.id}`,
  }),
  auditBySubject: (e: AuditKeyParts & { subject: string }) => ({
    gsi2pk: `AUDITON#${e.subject}`,
    gsi2sk: `${e.at}#${e.id}`,
  }),
};

interface AuditKeyParts {
  readonly at: string;
  readonly id: string;
}

/** The table as CreateTable wants it: used by the local server and the tests. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const s = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });
  const index = (name: string, pk: string, sk: string) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: pk, KeyType: 'HASH' as const },
      { AttributeName: sk, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [KEY.pk, KEY.sk, KEY.gsi1pk, KEY.gsi1sk, KEY.gsi2pk, KEY.gsi2sk].map(s),
    KeySchema: [
      { AttributeName: KEY.pk, KeyType: 'HASH' },
      { AttributeName: KEY.sk, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      index(GSI1, KEY.gsi1pk, KEY.gsi1sk),
      index(GSI2, KEY.gsi2pk, KEY.gsi2sk),
    ],
  };
}
