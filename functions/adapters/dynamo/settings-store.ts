import * as v from 'valibot';
import type { SettingsStore } from '../../core/ports';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../core/settings';
import { keys } from './table';
import type { Item, TableClient } from './table-client';

/** Revisions of the cached configuration, bumped by every write of grounds or holidays. */
export interface Revisions {
  readonly sites: number;
  readonly holidays: number;
}

export type RevisionCounter = 'sitesRev' | 'holidaysRev';

/** Settings and revision counters from the settings item; absent fields take their defaults. */
export function readSettingsItem(item: Item | null | undefined): {
  settings: Settings;
  revisions: Revisions;
} {
  const stored = (item?.settings ?? {}) as Record<string, unknown>;
  // Fields added in a later version take their defaults; anything invalid stops loudly.
  const settings = v.parse(SettingsSchema, { ...DEFAULT_SETTINGS, ...stored });
  return {
    settings,
    revisions: { sites: Number(item?.sitesRev ?? 0), holidays: Number(item?.holidaysRev ?? 0) },
  };
}

export class DynamoSettingsStore implements SettingsStore {
  constructor(private readonly table: TableClient) {}

  async getSettings(): Promise<Settings> {
    return readSettingsItem(await this.table.get(keys.settings(), true)).settings;
  }

  async putSettings(settings: Settings): Promise<void> {
    await this.table.update({
      Key: keys.settings(),
      UpdateExpression: 'SET settings = :s',
      ExpressionAttributeValues: { ':s': settings },
    });
  }

  /** Whether settings were ever written (a fresh deployment runs on the defaults). */
  async hasSettings(): Promise<boolean> {
    return (await this.table.get(keys.settings(), true))?.settings !== undefined;
  }

  /** Move a revision counter so that every process drops its cached grounds or holidays. */
  async bump(counter: RevisionCounter): Promise<void> {
    await this.table.update({
      Key: keys.settings(),
      UpdateExpression: 'ADD #c :one',
      ExpressionAttributeNames: { '#c': counter },
      ExpressionAttributeValues: { ':one': 1 },
    });
  }
}
