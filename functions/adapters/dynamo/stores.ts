import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Clock, type Stores, systemClock } from '../../core/ports';
import { ConfigCache, DynamoCheckinStore } from './checkin-store';
import { DynamoExcuseStore } from './excuse-store';
import { DynamoHolidayStore } from './holiday-store';
import { DynamoPublicationStore } from './publication-store';
import { DynamoRosterStore } from './roster-store';
import { DynamoSettingsStore } from './settings-store';
import { DynamoSiteStore } from './site-store';
import { TableClient } from './table-client';

export type DynamoStores = Stores & {
  readonly settings: DynamoSettingsStore;
  readonly checkins: DynamoCheckinStore;
  readonly table: TableClient;
};

/**
 * Every repository over one table, sharing the process's configuration cache; `clock` stamps
 * when a settings change takes effect.
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
    checkins: new DynamoCheckinStore(table, cache, holidays),
    roster: new DynamoRosterStore(table),
    sites: new DynamoSiteStore(table, settings, invalidate),
    excuses: new DynamoExcuseStore(table),
    publications: new DynamoPublicationStore(table),
  };
}
