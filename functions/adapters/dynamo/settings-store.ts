import * as v from 'valibot';
import { type Clock, type SettingsStore, systemClock } from '../../core/ports';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../core/settings';
import {
  inForceAtEndOf,
  localDateOf,
  type SettingsOnDate,
  type SettingsVersion,
  SINCE_EVER,
  versionsUpperBound,
} from '../../core/settings-history';
import { keys } from './table';
import { type Item, isConditionFailure, type TableClient } from './table-client';

/** Revisions of the cached configuration, bumped by every write of grounds or holidays. */
export interface Revisions {
  readonly sites: number;
  readonly holidays: number;
}

export type RevisionCounter = 'sitesRev' | 'holidaysRev';

/** Stored settings with the defaults under them: fields added later take their defaults. */
function parseSettings(stored: unknown): Settings {
  // Anything invalid stops loudly.
  return v.parse(SettingsSchema, { ...DEFAULT_SETTINGS, ...((stored ?? {}) as object) });
}

/** Settings and revision counters from the settings item; absent fields take their defaults. */
export function readSettingsItem(item: Item | null | undefined): {
  settings: Settings;
  revisions: Revisions;
} {
  return {
    settings: parseSettings(item?.settings),
    revisions: { sites: Number(item?.sitesRev ?? 0), holidays: Number(item?.holidaysRev ?? 0) },
  };
}

/** The settings' versions: one item each, in force from `effectiveFrom` (the sort key). */
const HISTORY_PK = 'SETTINGS';
const versionKey = (effectiveFrom: string) => ({ pk: HISTORY_PK, sk: `V#${effectiveFrom}` });
/** Versions are read this many at a time, newest first; the answer is nearly always the first. */
const PAGE = 10;

function toVersion(item: Item): SettingsVersion {
  return { effectiveFrom: String(item.effectiveFrom), settings: parseSettings(item.settings) };
}

/**
 * The current settings live in one item (CONFIG / SETTINGS), which every check-in reads with the
 * employee in one BatchGetItem; its history in SETTINGS / V#{effective-from}, which only reports
 * of a date read. The clock stamps when a change takes effect.
 */
export class DynamoSettingsStore implements SettingsStore {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock = systemClock,
  ) {}

  async getSettings(): Promise<Settings> {
    return readSettingsItem(await this.table.get(keys.settings(), true)).settings;
  }

  /**
   * A new version in force from `at` (default: now), then the current item. Written in that
   * order: a failure in between leaves a version the retry of the same PUT supersedes, never a
   * current rule missing from the history. The first change of a deployment that kept no history
   * records the rules it ran on until then (stored or defaults) as in force since ever, so that
   * its past dates keep them — unless nothing ever ran: no settings and no report yet makes this
   * the deployment's first settings (see bootstrap).
   */
  async putSettings(settings: Settings, at: Date = this.clock.now()): Promise<void> {
    const [anyVersion, current, newestReport] = await Promise.all([
      this.table.query({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': HISTORY_PK },
        Limit: 1,
        ConsistentRead: true,
      }),
      this.table.get(keys.settings(), true),
      this.table.get(keys.newestReport(), true),
    ]);
    if (anyVersion.items.length === 0) {
      if (current?.settings === undefined && newestReport === null) {
        return this.bootstrap(settings, at);
      }
      const before = readSettingsItem(current).settings;
      await this.putVersion({ effectiveFrom: SINCE_EVER, settings: before }, true);
    }
    await this.putVersion({ effectiveFrom: at.toISOString(), settings });
    await this.table.update({
      Key: keys.settings(),
      UpdateExpression: 'SET settings = :s',
      ExpressionAttributeValues: { ':s': settings },
    });
  }

  /**
   * A new deployment's first settings: its first version, and its first day (the local date of
   * `at`), the day before which no report exists. Only the first call records the day.
   */
  async bootstrap(settings: Settings, at: Date = this.clock.now()): Promise<void> {
    const first = { effectiveFrom: at.toISOString(), settings };
    await this.putVersion(first);
    await this.table.update({
      Key: keys.settings(),
      UpdateExpression: 'SET settings = :s, firstDay = if_not_exists(firstDay, :d)',
      ExpressionAttributeValues: { ':s': settings, ':d': localDateOf(first) },
    });
  }

  /**
   * The settings in force at the end of a local date (its last version effective before the next
   * local midnight), or null before the deployment's first day. The first day is the recorded
   * one, else the earliest version's date. Without any version (no change since history began)
   * the current settings have always been in force.
   */
  async settingsOn(date: string): Promise<SettingsOnDate> {
    const current = await this.table.get(keys.settings(), true);
    const recorded = typeof current?.firstDay === 'string' ? current.firstDay : null;
    if (recorded !== null && date < recorded) return { settings: null, firstDay: recorded };
    let ExclusiveStartKey: Item | undefined;
    do {
      const page = await this.table.query({
        KeyConditionExpression: 'pk = :pk AND sk < :to',
        ExpressionAttributeValues: { ':pk': HISTORY_PK, ':to': `V#${versionsUpperBound(date)}` },
        ScanIndexForward: false,
        Limit: PAGE,
        ConsistentRead: true,
        ...(ExclusiveStartKey ? { ExclusiveStartKey } : {}),
      });
      const found = inForceAtEndOf(date, page.items.map(toVersion));
      if (found) return { settings: found.settings, firstDay: recorded };
      ExclusiveStartKey = page.lastKey;
    } while (ExclusiveStartKey);
    const earliest = await this.table.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': HISTORY_PK },
      Limit: 1,
      ConsistentRead: true,
    });
    const first = earliest.items[0];
    if (!first) return { settings: readSettingsItem(current).settings, firstDay: recorded };
    return { settings: null, firstDay: recorded ?? localDateOf(toVersion(first)) };
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

  private async putVersion(version: SettingsVersion, onlyIfAbsent = false): Promise<void> {
    try {
      await this.table.put(
        { ...versionKey(version.effectiveFrom), type: 'settings-version', ...version },
        onlyIfAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {},
      );
    } catch (err) {
      // Two first changes racing both record the same earlier rules: one write is enough.
      if (!(onlyIfAbsent && isConditionFailure(err))) throw err;
    }
  }
}
