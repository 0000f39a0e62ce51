import * as v from 'valibot';
import { type RollCall, RollCallSchema, type Rules, rulesOf } from '../../core/rollcalls';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../core/settings';
import type { SettingsVersion } from '../../core/settings-history';
import type { Item } from './table-client';

/**
 * What the settings items hold, read: the current rules item (settings, roll calls, the cache's
 * revision counters) and each version item. The store (settings-store.ts) writes them.
 */

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

function parseRollCalls(stored: unknown): RollCall[] | undefined {
  return Array.isArray(stored) ? stored.map((r) => v.parse(RollCallSchema, r)) : undefined;
}

/** The rules an item holds (the current one or a version): settings and roll calls. */
export function rulesOfItem(item: Item | null | undefined): Rules {
  const settings = parseSettings(item?.settings);
  return rulesOf(settings, parseRollCalls(item?.rollCalls));
}

/** Settings, roll calls and revision counters from the settings item; absent fields take their defaults. */
export function readSettingsItem(item: Item | null | undefined): {
  settings: Settings;
  rollCalls: readonly RollCall[];
  revisions: Revisions;
} {
  const rules = rulesOfItem(item);
  return {
    settings: rules.settings,
    rollCalls: rules.rollCalls,
    revisions: { sites: Number(item?.sitesRev ?? 0), holidays: Number(item?.holidaysRev ?? 0) },
  };
}

/** One version item as the history reads it. */
export function toVersion(item: Item): SettingsVersion {
  const rollCalls = parseRollCalls(item.rollCalls);
  return {
    effectiveFrom: String(item.effectiveFrom),
    settings: parseSettings(item.settings),
    ...(rollCalls ? { rollCalls } : {}),
  };
}
