import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Clock, type Stores, systemClock } from '../../core/ports';
import { DynamoAttemptLog } from './attempt-log';
import { DynamoAuditLog } from './audit-log';
import { DynamoCheckinContext } from './checkin-context';
import { DynamoCheckinRepository } from './checkin-repository';
import { ConfigCache } from './config-cache';
import { DynamoCoordinateClaims } from './coordinate-claims';
import { DynamoCorrectionLog } from './correction-log';
import { DynamoDeviceRegistry } from './device-registry';
import { DynamoExcuseStore } from './excuse-store';
import { DynamoHolidayStore } from './holiday-store';
import { DynamoMarkStore } from './mark-store';
import { DynamoMonthLockStore } from './month-lock-store';
import { DynamoGroundCodes } from './presence/ground-codes';
import { DynamoPasskeyStore } from './presence/passkey-store';
import { DynamoPublicationStore } from './publication-store';
import { DynamoRateCounter } from './rate-counter';
import { DynamoRosterStore } from './roster-store';
import { DynamoSettingsStore } from './settings-store';
import { DynamoSiteStore } from './site-store';
import { TableClient } from './table-client';
import { DynamoTraceStore } from './trace-store';

export type DynamoStores = Stores & {
  readonly settings: DynamoSettingsStore;
  readonly table: TableClient;
};

/**
 * Every repository over one table, sharing the process's configuration cache; `clock` stamps
 * when a settings change takes effect.
 *
 * What a first check-in costs (core/checkin.ts; counted by `npm run bench`, end to end): 8
 * requests with a device id, as the page sends it, in 5 round trips one after the other —
 * UpdateItem (rate) ‖ BatchGetItem (employee, settings, trace); PutItem (coordinates) ‖ PutItem
 * then Query (device); PutItem (the check-in, conditional); PutItem (attempt) ‖ UpdateItem
 * (trace). Without a device id, 6 requests in 4 round trips. Grounds and holidays come from the
 * cache: a BatchGetItem and a GetItem only after a change or in a fresh process. A refused fix
 * skips the claims and the conditional put, and reads any standing check-in (GetItem) instead.
 */
export function createStores(
  doc: DynamoDBDocumentClient,
  tableName: string,
  clock: Clock = systemClock,
): DynamoStores {
  const table = new TableClient(doc, tableName);
  const cache = new ConfigCache();
  const invalidate = () => cache.invalidate();
  const settings = new DynamoSettingsStore(table, clock);
  const holidays = new DynamoHolidayStore(table, settings, invalidate);
  return {
    table,
    settings,
    holidays,
    checkinContext: new DynamoCheckinContext(table, cache, holidays),
    checkins: new DynamoCheckinRepository(table),
    attempts: new DynamoAttemptLog(table),
    rates: new DynamoRateCounter(table),
    traces: new DynamoTraceStore(table),
    coordinates: new DynamoCoordinateClaims(table),
    devices: new DynamoDeviceRegistry(table),
    roster: new DynamoRosterStore(table),
    sites: new DynamoSiteStore(table, settings, invalidate),
    excuses: new DynamoExcuseStore(table),
    publications: new DynamoPublicationStore(table),
    monthLocks: new DynamoMonthLockStore(table),
    marks: new DynamoMarkStore(table),
    corrections: new DynamoCorrectionLog(table),
    audit: new DynamoAuditLog(table),
    presence: {
      codes: new DynamoGroundCodes(table, cache, settings),
      passkeys: new DynamoPasskeyStore(table),
    },
  };
}
