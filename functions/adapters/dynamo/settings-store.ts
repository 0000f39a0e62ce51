import { StoreUnavailable } from '../../core/errors';
import { type Clock, type SettingsStore, systemClock } from '../../core/ports';
import { type Rules, rulesOf, withSettings } from '../../core/rollcalls';
import type { Settings } from '../../core/settings';
import {
  inForceAtEndOf,
  localDateOf,
  type SettingsOnDate,
  type SettingsVersion,
  SINCE_EVER,
  versionsUpperBound,
} from '../../core/settings-history';
import { type RevisionCounter, readSettingsItem, rulesOfItem, toVersion } from './settings-items';
import { keys } from './table';
import { type Item, isConditionFailure, type TableClient } from './table-client';

/** The rules' versions: one item each, in force from `effectiveFrom` (the sort key). */
const HISTORY_PK = 'SETTINGS';
const versionKey = (effectiveFrom: string) => ({ pk: HISTORY_PK, sk: `V#${effectiveFrom}` });
/** Versions are read this many at a time, newest first; the answer is nearly always the first. */
const PAGE = 10;
/** Changes of the rules that lose the race to another are tried again this often. */
const CHANGE_ATTEMPTS = 5;

const later = (at: Date, after: string | null) =>
  after !== null && at.toISOString() <= after
    ? new Date(Date.parse(after) + 1).toISOString()
    : at.toISOString();

/**
 * The rules in force — settings and roll calls, one document — live in one item (CONFIG /
 * SETTINGS), which every check-in reads with the employee in one BatchGetItem; every version in
 * SETTINGS / V#{effective-from}, which only reports of a date read. The current item names its
 * version (`rulesAt`); a change is written conditionally on it, so two admins saving at once
 * never lose one's change. The clock stamps when a change takes effect.
 */
export type { RevisionCounter, Revisions } from './settings-items';
export { readSettingsItem };

export class DynamoSettingsStore implements SettingsStore {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock = systemClock,
  ) {}

  async getSettings(): Promise<Settings> {
    return (await this.getRules()).settings;
  }

  async getRules(): Promise<Rules> {
    return rulesOfItem(await this.table.get(keys.settings(), true));
  }

  async putSettings(settings: Settings, at?: Date): Promise<void> {
    await this.changeRules((rules) => withSettings(rules, settings), at);
  }

  /**
   * Read the rules in force, apply `change`, and store the result if nobody changed them in
   * between (else start over on theirs). Order: the version being replaced is made sure of in
   * the history, then the current item (conditionally), then the new version. A failure after
   * the current item leaves a version missing from the history only until the next change makes
   * sure of it — and meanwhile `settingsOn` reads the current item as that version.
   */
  async changeRules(change: (current: Rules) => Rules | Promise<Rules>, at?: Date): Promise<Rules> {
    for (let attempt = 0; attempt < CHANGE_ATTEMPTS; attempt++) {
      const item = await this.table.get(keys.settings(), true);
      const before = rulesOfItem(item);
      const next = await change(before);
      const prevAt = typeof item?.rulesAt === 'string' ? item.rulesAt : null;
      const effectiveFrom = later(at ?? this.clock.now(), prevAt);
      const firstDay =
        prevAt === null ? await this.keepPreviousRules(item, before, effectiveFrom) : null;
      if (prevAt !== null) {
        await this.putVersion({ effectiveFrom: prevAt, ...before }, true);
      }
      try {
        await this.table.update({
          Key: keys.settings(),
          UpdateExpression: `SET settings = :s, rollCalls = :r, rulesAt = :at${
            firstDay ? ', firstDay = if_not_exists(firstDay, :d)' : ''
          }`,
          ConditionExpression:
            prevAt === null ? 'attribute_not_exists(rulesAt)' : 'rulesAt = :prev',
          ExpressionAttributeValues: {
            ':s': next.settings,
            ':r': next.rollCalls,
            ':at': effectiveFrom,
            ...(prevAt === null ? {} : { ':prev': prevAt }),
            ...(firstDay ? { ':d': firstDay } : {}),
          },
        });
      } catch (err) {
        if (isConditionFailure(err)) continue; // another change came first: apply ours to it
        throw err;
      }
      await this.putVersion({ effectiveFrom, ...next });
      return next;
    }
    throw new StoreUnavailable(
      1,
      new Error('the rules kept changing under concurrent changes; try again'),
    );
  }

  /**
   * Before the first versioned change (`rulesAt` unset): a deployment that kept no history at
   * all records the rules it ran on until then (stored or defaults) as in force since ever, so
   * that its past dates keep them — unless nothing ever ran (no settings, no report): then this
   * change is the deployment's first, and its local date the first day (returned).
   */
  private async keepPreviousRules(
    item: Item | null,
    before: Rules,
    effectiveFrom: string,
  ): Promise<string | null> {
    const [anyVersion, newestReport] = await Promise.all([
      this.table.query({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': HISTORY_PK },
        Limit: 1,
        ConsistentRead: true,
      }),
      this.table.get(keys.newestReport(), true),
    ]);
    if (anyVersion.items.length > 0) return null;
    if (item?.settings === undefined && newestReport === null) {
      return typeof item?.firstDay === 'string'
        ? item.firstDay
        : localDateOf({ effectiveFrom, settings: before.settings });
    }
    await this.putVersion({ effectiveFrom: SINCE_EVER, ...before }, true);
    return null;
  }

  /**
   * A new deployment's first settings: its first version, and its first day (the local date of
   * `at`), the day before which no report exists. Only the first call records the day.
   */
  async bootstrap(settings: Settings, at: Date = this.clock.now()): Promise<void> {
    await this.changeRules((rules) => withSettings(rules, settings), at);
  }

  /**
   * The rules in force at the end of a local date (its last version effective before the next
   * local midnight), or null before the deployment's first day. The first day is the recorded
   * one, else the earliest version's date. Without any version (no change since history began)
   * the current rules have always been in force. The current item counts as its own version.
   */
  async settingsOn(date: string): Promise<SettingsOnDate> {
    const current = await this.table.get(keys.settings(), true);
    const recorded = typeof current?.firstDay === 'string' ? current.firstDay : null;
    if (recorded !== null && date < recorded) return { settings: null, firstDay: recorded };
    const onDate = (found: SettingsVersion) => ({
      ...rulesOf(found.settings, found.rollCalls),
      firstDay: recorded,
    });
    const currentVersion =
      typeof current?.rulesAt === 'string'
        ? { ...toVersion({ ...current, effectiveFrom: current.rulesAt }) }
        : null;
    if (currentVersion && inForceAtEndOf(date, [currentVersion])) return onDate(currentVersion);
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
      if (found) return onDate(found);
      ExclusiveStartKey = page.lastKey;
    } while (ExclusiveStartKey);
    const earliest = await this.table.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': HISTORY_PK },
      Limit: 1,
      ConsistentRead: true,
    });
    const first = earliest.items[0];
    if (!first) return { ...rulesOfItem(current), firstDay: recorded };
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
      // Already there (two first changes racing both record the same earlier rules).
      if (!(onlyIfAbsent && isConditionFailure(err))) throw err;
    }
  }
}
